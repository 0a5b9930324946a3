/**
 * Composing a digest: its title and introduction, the entries in the order they will be read, each with a
 * line of commentary, and the period's other candidates to add. Entries move with Alt+↑/↓ (or the buttons,
 * or by dragging). Everything is saved as it is typed (after a short pause, and at once when leaving).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Digest, DigestEntry } from '../../../shared/model';
import { deleteDigest, moveEntry, restoreDigest, sameRef, updateDigest, useDatabase, type DigestPatch } from '../../data';
import { errorWords } from '../../ui/error-words';
import type { Notify } from '../../ui/undo-toast';
import { refKey, useEntryInfo, type EntryInfo } from './entry-info';
import { PostPreview } from './post-preview';
import { PublishPanel } from './publish-panel';
import { PublicationsLog } from './publications-log';
import { useCandidates } from './share-hooks';

const saveDelayMs = 400;

interface DigestEditorProps {
  digest: Digest;
  notify: Notify;
  onDeleted: () => void;
  onReopen: () => void;
}

type Draft = Pick<Digest, 'title' | 'intro' | 'entries'>;

/** The digest's text as typed, saved after a pause and when the editor closes; returns a flush for Publish. */
function useDigestDraft(digest: Digest, notify: Notify) {
  const db = useDatabase();
  const [draft, setDraft] = useState<Draft>({ title: digest.title, intro: digest.intro, entries: digest.entries });
  const [saving, setSaving] = useState<'saved' | 'pending' | 'saving'>('saved');
  const pending = useRef<DigestPatch | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const patch = pending.current;
    if (!patch) return;
    pending.current = null;
    setSaving('saving');
    try {
      await updateDigest(db, digest.id, patch);
    } catch (error) {
      notify({ text: errorWords(error, 'The digest could not be saved.').message });
    } finally {
      setSaving(pending.current ? 'pending' : 'saved');
    }
  }, [db, digest.id, notify]);
  const change = useCallback(
    (patch: DigestPatch) => {
      setDraft((current) => ({ ...current, ...patch }));
      pending.current = { ...pending.current, ...patch };
      setSaving('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), saveDelayMs);
    },
    [flush],
  );
  useEffect(() => () => void flush(), [flush]);
  return { draft, change, flush, saving };
}

export function DigestEditor({ digest, notify, onDeleted, onReopen }: DigestEditorProps) {
  const db = useDatabase();
  const { draft, change, flush, saving } = useDigestDraft(digest, notify);
  const [view, setView] = useState<'compose' | 'preview' | 'publish'>('compose');
  const period = useMemo(() => ({ start: digest.periodStart, end: digest.periodEnd }), [digest.periodStart, digest.periodEnd]);
  const candidates = useCandidates(period);
  const allRefs = useMemo(() => [...draft.entries, ...(candidates ?? []).map((candidate) => ({ ref: candidate.ref, commentary: '' }))], [draft.entries, candidates]);
  const info = useEntryInfo(allRefs);
  const offered = (candidates ?? []).filter((candidate) => !draft.entries.some((entry) => sameRef(entry.ref, candidate.ref)));
  const listRef = useRef<HTMLOListElement>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  const setEntries = (entries: DigestEntry[]) => change({ entries });
  const move = (from: number, to: number, focus = true) => {
    if (to < 0 || to >= draft.entries.length) return;
    setEntries(moveEntry(draft.entries, from, to));
    // Keep the keyboard on the entry that moved, as list editors do.
    if (focus) requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('.digest-entry')[to]?.focus());
  };
  const onEntryKey = (event: KeyboardEvent<HTMLLIElement>, at: number) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(at, event.key === 'ArrowUp' ? at - 1 : at + 1);
  };
  const onDrop = (event: DragEvent<HTMLLIElement>, at: number) => {
    event.preventDefault();
    if (dragFrom !== null && dragFrom !== at) move(dragFrom, at, false);
    setDragFrom(null);
  };
  const remove = async () => {
    await flush();
    try {
      const snapshot = await deleteDigest(db, digest.id);
      onDeleted();
      notify({
        text: `Deleted “${snapshot.digest.title}”.`,
        undo: async () => {
          await restoreDigest(db, snapshot);
          onReopen();
        },
      });
    } catch (error) {
      notify({ text: errorWords(error, 'The digest could not be deleted.').message });
    }
  };
  const periodWords = `${new Date(digest.periodStart).toLocaleDateString('en-GB', { day: 'numeric', month: 'long' })} – ${new Date(digest.periodEnd).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`;

  return (
    <article className="digest-editor" aria-label="Digest">
      <div className="digest-editor__bar">
        <input
          className="digest-editor__title"
          aria-label="Digest title"
          value={draft.title}
          onChange={(event) => change({ title: event.target.value })}
          onBlur={() => void flush()}
        />
        <span className="digest-editor__status" role="status">
          {saving === 'saved' ? 'Saved' : saving === 'saving' ? 'Saving…' : 'Editing…'}
        </span>
      </div>
      <div className="digest-editor__actions" role="toolbar" aria-label="Digest actions">
        <button type="button" className="button button--quiet" aria-pressed={view === 'preview'} onClick={() => void flush().then(() => setView(view === 'preview' ? 'compose' : 'preview'))}>
          Preview
        </button>
        <button type="button" className="button" aria-pressed={view === 'publish'} onClick={() => void flush().then(() => setView(view === 'publish' ? 'compose' : 'publish'))}>
          Publish
        </button>
        <button type="button" className="button button--quiet" onClick={() => void remove()}>
          Delete digest
        </button>
      </div>
      <p className="digest-editor__period">
        {periodWords} · {draft.entries.length === 1 ? '1 entry' : `${draft.entries.length} entries`}
      </p>
      <PublicationsLog record={{ digestId: digest.id }} />

      {view === 'publish' && <PublishPanel record={{ digestId: digest.id }} beforePublish={flush} notify={notify} />}
      {view === 'preview' ? (
        <PostPreview record={{ digestId: digest.id }} version={digest.updatedAt} />
      ) : (
        <>
          <label className="digest-editor__field">
            <span>Introduction</span>
            <textarea rows={3} value={draft.intro} onChange={(event) => change({ intro: event.target.value })} onBlur={() => void flush()} placeholder="What this week was about, in a sentence or two." />
          </label>
          <h2 className="digest-editor__heading">Entries</h2>
          {draft.entries.length === 0 ? (
            <p className="digest-editor__empty">Nothing in this digest yet. Star items while reading, tag notes #share, or add candidates below.</p>
          ) : (
            <ol className="digest-editor__entries" aria-label="Entries" ref={listRef}>
              {draft.entries.map((entry, at) => (
                <EntryRow
                  key={refKey(entry.ref)}
                  entry={entry}
                  info={info?.get(refKey(entry.ref))}
                  position={at}
                  count={draft.entries.length}
                  dragging={dragFrom === at}
                  onCommentary={(commentary) => setEntries(draft.entries.map((other, index) => (index === at ? { ...other, commentary } : other)))}
                  onBlur={() => void flush()}
                  onMove={(to) => move(at, to)}
                  onRemove={() => setEntries(draft.entries.filter((_, index) => index !== at))}
                  onKeyDown={(event) => onEntryKey(event, at)}
                  onDragStart={() => setDragFrom(at)}
                  onDrop={(event) => onDrop(event, at)}
                />
              ))}
            </ol>
          )}
          <section className="digest-editor__candidates" aria-labelledby="digest-candidates-title">
            <h2 className="digest-editor__heading" id="digest-candidates-title">
              Candidates from this period
            </h2>
            {candidates === undefined ? (
              <p className="digest-editor__empty">Gathering what you starred, highlighted and tagged…</p>
            ) : offered.length === 0 ? (
              <p className="digest-editor__empty">Everything starred, highlighted or tagged #share in this period is in the digest.</p>
            ) : (
              <ul className="digest-editor__offered" aria-label="Candidates">
                {offered.map((candidate) => (
                  <li key={refKey(candidate.ref)} className="digest-candidate">
                    <span className="badge">{candidate.reason === 'starred' ? 'Starred' : candidate.reason === 'highlight' ? 'Highlight' : 'Note'}</span>
                    <span className="digest-candidate__title">{candidate.title}</span>
                    <span className="digest-candidate__excerpt">{candidate.excerpt}</span>
                    <button type="button" className="button button--quiet" aria-label={`Add “${candidate.title}”`} onClick={() => setEntries([...draft.entries, { ref: candidate.ref, commentary: '' }])}>
                      Add
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}

interface EntryRowProps {
  entry: DigestEntry;
  info: EntryInfo | undefined;
  position: number;
  count: number;
  dragging: boolean;
  onCommentary: (text: string) => void;
  onBlur: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  onDragStart: () => void;
  onDrop: (event: DragEvent<HTMLLIElement>) => void;
}

function EntryRow({ entry, info, position, count, dragging, onCommentary, onBlur, onMove, onRemove, onKeyDown, onDragStart, onDrop }: EntryRowProps) {
  const title = info?.title ?? '…';
  return (
    <li
      className="digest-entry"
      tabIndex={-1}
      draggable
      data-dragging={dragging ? 'true' : undefined}
      aria-label={`${position + 1} of ${count}: ${title}`}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        onDragStart();
      }}
      onDragOver={(event) => event.preventDefault()}
      onDrop={onDrop}
    >
      <div className="digest-entry__head">
        <span className="badge">{info?.kindLabel ?? entry.ref.kind}</span>
        {info?.url ? (
          <a className="digest-entry__title" href={info.url} target="_blank" rel="noopener noreferrer">
            {title}
          </a>
        ) : (
          <span className="digest-entry__title">{title}</span>
        )}
      </div>
      {info?.excerpt && <p className="digest-entry__excerpt">{info.excerpt}</p>}
      <textarea
        className="digest-entry__commentary"
        rows={2}
        aria-label={`Commentary on “${title}”`}
        placeholder="Why it matters, in a line (Alt+↑/↓ moves this entry)."
        value={entry.commentary}
        onChange={(event) => onCommentary(event.target.value)}
        onBlur={onBlur}
      />
      <div className="digest-entry__actions">
        <button type="button" className="button button--quiet" aria-label={`Move “${title}” up`} disabled={position === 0} onClick={() => onMove(position - 1)}>
          ↑
        </button>
        <button type="button" className="button button--quiet" aria-label={`Move “${title}” down`} disabled={position === count - 1} onClick={() => onMove(position + 1)}>
          ↓
        </button>
        <button type="button" className="button button--quiet" aria-label={`Remove “${title}”`} onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
