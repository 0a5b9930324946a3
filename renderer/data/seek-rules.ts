/**
 * Mute and keep rules, stored as one setting (`seek.rules`, a Rule[]): a few dozen small rows
 * that are always read together, so no table and no schema change. Every change is a
 * read-modify-write in one transaction, so two windows adding rules at once both keep theirs.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { parseRules, patternProblem, type Rule } from '../../shared/feeds/mute-rules';
import type { Id } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { useDatabase } from './hooks';
import { StoreError } from './store-error';

export const rulesSettingKey = 'seek.rules';

export type NewRule = Omit<Rule, 'id' | 'enabled'> & { enabled?: boolean };
export type RulePatch = Partial<Omit<Rule, 'id'>>;

export async function listRules(db: CommonplaceDb): Promise<Rule[]> {
  const row = await db.settings.get(rulesSettingKey);
  return parseRules(row?.value);
}

/** A rule that could not be used; its message says why, in words fit to show. */
export class RuleError extends Error {
  readonly code = 'invalid-rule';
  constructor(message: string) {
    super(message);
    this.name = 'RuleError';
  }
}

/** Refuses a rule that could not be used: nothing unusable is ever stored. */
function check(rule: Rule): Rule {
  const problem = patternProblem(rule.pattern, rule.kind) ?? (rule.fields.length === 0 ? 'Choose at least one field to match.' : undefined);
  if (problem) throw new RuleError(problem);
  return rule;
}

async function change(db: CommonplaceDb, edit: (rules: Rule[]) => Rule[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const rules = await listRules(db);
    await db.settings.put({ key: rulesSettingKey, value: edit(rules) });
  });
}

export async function addRule(db: CommonplaceDb, draft: NewRule): Promise<Rule> {
  const rule = check({
    id: crypto.randomUUID(),
    action: draft.action,
    pattern: draft.pattern.trim(),
    kind: draft.kind,
    scope: draft.scope.kind === 'global' ? { kind: 'global' } : { kind: 'source', sourceId: draft.scope.sourceId },
    fields: [...new Set(draft.fields)],
    enabled: draft.enabled ?? true,
  });
  await change(db, (rules) => [...rules, rule]);
  return rule;
}

export async function updateRule(db: CommonplaceDb, id: Id, patch: RulePatch): Promise<Rule> {
  let updated: Rule | undefined;
  await change(db, (rules) =>
    rules.map((rule) => {
      if (rule.id !== id) return rule;
      updated = check({ ...rule, ...patch, id });
      return updated;
    }),
  );
  if (!updated) throw new StoreError('not-found', 'That rule no longer exists.');
  return updated;
}

export async function deleteRule(db: CommonplaceDb, id: Id): Promise<void> {
  await change(db, (rules) => rules.filter((rule) => rule.id !== id));
}

/** The rules, live; `undefined` while loading. */
export function useRules(): Rule[] | undefined {
  const db = useDatabase();
  return useLiveQuery(() => listRules(db), [db]);
}
