import { useId, useMemo, useState, type FormEvent } from 'react';
import { compileRules, patternProblem, ruleFields, type Rule, type RuleAction, type RuleField, type RuleKind } from '../../../shared/feeds/mute-rules';
import type { Id, Source } from '../../../shared/model';
import { addRule, deleteRule, RuleError, updateRule, useDatabase, useRules } from '../../data';
import { errorWords } from '../../ui/error-words';
import { ModalDialog } from '../../ui/modal-dialog';
import './manage-source-dialog.css';
import './rules-dialog.css';

interface RulesDialogProps {
  sources: readonly Source[];
  onClose: () => void;
}

const fieldLabels: Readonly<Record<RuleField, string>> = { title: 'Title', summary: 'Summary', author: 'Author', link: 'Link' };

/** Lists mute and keep rules, adds, enables/disables and deletes them; the river follows at once. */
export function RulesDialog({ sources, onClose }: RulesDialogProps) {
  const db = useDatabase();
  const rules = useRules();
  const titleId = useId();
  const errorId = useId();
  const [pattern, setPattern] = useState('');
  const [kind, setKind] = useState<RuleKind>('keyword');
  const [action, setAction] = useState<RuleAction>('mute');
  const [scope, setScope] = useState<Id | ''>('');
  const [fields, setFields] = useState<RuleField[]>(['title', 'summary']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = useMemo(() => new Map(compileRules(rules ?? []).problems.map((problem) => [problem.ruleId, problem.message])), [rules]);
  const sourceTitle = (id: Id) => sources.find((source) => source.id === id)?.title ?? 'a source you no longer follow';

  async function run(work: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (caught) {
      setError(caught instanceof RuleError ? caught.message : errorWords(caught).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    // Checked here too, so the reason shows without a round trip; addRule refuses it regardless.
    const problem = patternProblem(pattern, kind) ?? (fields.length === 0 ? 'Choose at least one field to match.' : undefined);
    if (problem) {
      setError(problem);
      return;
    }
    void run(() => addRule(db, { pattern, kind, action, fields, scope: scope === '' ? { kind: 'global' } : { kind: 'source', sourceId: scope } })).then((ok) => {
      if (ok) setPattern('');
    });
  };

  const toggleField = (field: RuleField, on: boolean) =>
    setFields((current) => (on ? ruleFields.filter((name) => name === field || current.includes(name)) : current.filter((name) => name !== field)));

  const describe = (rule: Rule) =>
    `${rule.action === 'mute' ? 'Mute' : 'Keep'} ${rule.kind === 'keyword' ? 'keyword' : 'pattern'} “${rule.pattern}” in ${rule.fields.map((field) => fieldLabels[field].toLowerCase()).join(', ')}, ${
      rule.scope.kind === 'global' ? 'all sources' : `only ${sourceTitle(rule.scope.sourceId)}`
    }`;

  return (
    <ModalDialog className="seek-dialog rules-dialog" labelledBy={titleId} onClose={onClose}>
      <div className="seek-dialog__body">
        <h2 id={titleId} className="seek-dialog__title">
          Mute and keep rules
        </h2>
        <p className="seek-dialog__detail">Muted stories leave the river and its unread counts; kept ones are marked, and keep wins over mute.</p>
        {rules === undefined ? (
          <p>Loading…</p>
        ) : rules.length === 0 ? (
          <p className="rules-dialog__empty">No rules yet.</p>
        ) : (
          <ul className="rules-dialog__list" aria-label="Rules">
            {rules.map((rule) => {
              const words = describe(rule);
              return (
                <li key={rule.id} className="rules-dialog__rule" data-enabled={rule.enabled ? 'true' : 'false'}>
                  <label className="choice">
                    <input type="checkbox" checked={rule.enabled} aria-label={`Enabled: ${words}`} onChange={(event) => void run(() => updateRule(db, rule.id, { enabled: event.target.checked }))} />
                    <span className="choice__title">{words}</span>
                  </label>
                  {problems.has(rule.id) && <p className="seek-dialog__error">{problems.get(rule.id)}</p>}
                  <button type="button" className="button button--quiet" aria-label="Delete rule" title={`Delete: ${words}`} disabled={busy} onClick={() => void run(() => deleteRule(db, rule.id))}>
                    Delete
                  </button>
                </li>
              );
            })}
          </ul>
        )}

        <form className="rules-dialog__form" onSubmit={onAdd} noValidate>
          <label className="field">
            <span className="field__label">Pattern</span>
            <input
              className="field__input"
              value={pattern}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => {
                setPattern(event.target.value);
                setError(null);
              }}
            />
          </label>
          <div className="rules-dialog__row">
            <label className="field">
              <span className="field__label">Match as</span>
              <select className="field__input" value={kind} onChange={(event) => setKind(event.target.value as RuleKind)}>
                <option value="keyword">Words or phrase</option>
                <option value="regex">Regular expression</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">Action</span>
              <select className="field__input" value={action} onChange={(event) => setAction(event.target.value as RuleAction)}>
                <option value="mute">Mute (hide)</option>
                <option value="keep">Keep (mark)</option>
              </select>
            </label>
            <label className="field">
              <span className="field__label">Sources</span>
              <select className="field__input" value={scope} onChange={(event) => setScope(event.target.value)}>
                <option value="">All sources</option>
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.title}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <fieldset className="rules-dialog__fields">
            <legend>Look in</legend>
            {ruleFields.map((field) => (
              <label key={field} className="choice">
                <input type="checkbox" checked={fields.includes(field)} onChange={(event) => toggleField(field, event.target.checked)} />
                <span className="choice__title">{fieldLabels[field]}</span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p role="alert" id={errorId} className="seek-dialog__error">
              {error}
            </p>
          )}
          <div className="seek-dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              Add rule
            </button>
            <button type="button" className="button button--quiet" onClick={onClose}>
              Close
            </button>
          </div>
        </form>
      </div>
    </ModalDialog>
  );
}
