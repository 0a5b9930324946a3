/**
 * Autosave for the open note, built so that no keystroke is lost:
 * - every change goes to a synchronous journal in localStorage first (survives a crash or a window
 *   closed one keystroke later; the app replays it at the next start, see recoverJournal);
 * - the body is written to the database after a short pause in typing, and at once on blur, on leaving
 *   the note, when the page is hidden (`visibilitychange`) and when it is closed (`pagehide`);
 * - the title is committed only then, never mid-word: a rename rewrites every link to the note, and a
 *   half-typed title could take over a dangling link meant for another note;
 * - body and title are saved in one transaction, stamped with the time of the last keystroke they hold;
 * - a version snapshot is taken now and then while writing, and when the user leaves the note.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocNode, Id, Note } from '../../../shared/model';
import {
  clearJournal,
  isStoreError,
  saveNoteContent,
  snapshotIfDue,
  snapshotNow,
  writeJournal,
  type CommonplaceDb,
} from '../../data';
import { errorWords } from '../../ui/error-words';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface NoteDraft {
  doc: DocNode;
  title: string;
}

interface Pending {
  doc?: DocNode;
  title?: string;
  /** The last keystroke this pending work holds. */
  at: number;
  /** The last keystroke in the body, and in the title: a body-only save is stamped with the first. */
  docAt?: number;
  titleAt?: number;
}

export const autosaveDelayMs = 600;
/** After a failed save (storage busy or full), try again this much later; the journal holds the work meanwhile. */
const retryDelayMs = 5_000;

/** Keystroke times, strictly increasing, so "saved up to" never covers a keystroke made in the same millisecond. */
let lastStamp = 0;
function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

function journalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be refused (privacy settings); saving to the database still works.
    return undefined;
  }
}

export interface NoteAutosave {
  state: SaveState;
  /** A title that could not be taken (another note has it), in words; the body is still saved. */
  titleProblem: string | null;
  change: (patch: Partial<NoteDraft>) => void;
  /** Saves everything pending now, the title included. */
  flush: () => Promise<void>;
}

export interface AutosaveOptions {
  delayMs?: number;
  /**
   * The database holds a different doc than the editor sent: saving the title rewrote the note's links
   * to itself. The page reloads the editor from `note`, or the next keystroke would put the old links back.
   */
  onStoredDocChanged?: (note: Note) => void;
}

export function useNoteAutosave(db: CommonplaceDb, noteId: Id, initial: NoteDraft, { delayMs = autosaveDelayMs, onStoredDocChanged }: AutosaveOptions = {}): NoteAutosave {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const latest = useRef<NoteDraft>(initial);
  const pending = useRef<Pending | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  const docChanged = useRef(onStoredDocChanged);
  useEffect(() => {
    docChanged.current = onStoredDocChanged;
  });
  // The save retries through the latest flush (declared below, after the save it serialises).
  const retry = useRef<() => Promise<void>>(async () => undefined);

  const report = useCallback((next: SaveState) => {
    if (mounted.current) setState(next);
  }, []);

  const save = useCallback(
    async (withTitle: boolean) => {
      const all = pending.current;
      if (!all) return;
      // A debounced save leaves a title being typed where it is, still pending.
      const job: Pending = withTitle ? all : { doc: all.doc, at: all.docAt ?? all.at };
      pending.current = !withTitle && all.title !== undefined ? { title: all.title, at: all.titleAt ?? all.at, titleAt: all.titleAt ?? all.at } : null;
      if (job.doc === undefined && job.title === undefined) return;
      report({ kind: 'saving' });
      const doc = job.doc ?? latest.current.doc;
      try {
        let stored: Note;
        try {
          stored = await saveNoteContent(db, noteId, job.title === undefined ? { doc } : { doc, title: job.title }, { at: job.at });
          if (job.title !== undefined && mounted.current) setTitleProblem(null);
        } catch (error) {
          if (job.title === undefined || !isStoreError(error, 'duplicate-title')) throw error;
          if (mounted.current) setTitleProblem(error.message);
          stored = await saveNoteContent(db, noteId, { doc }, { at: job.at });
        }
        const storage = journalStorage();
        if (storage) clearJournal(storage, noteId, job.at);
        report(pending.current ? { kind: 'pending' } : { kind: 'saved' });
        if (JSON.stringify(stored.doc) !== JSON.stringify(doc)) docChanged.current?.(stored);
        void snapshotIfDue(db, noteId).catch(() => undefined);
      } catch (error) {
        if (isStoreError(error, 'not-found')) {
          // The note was deleted (here or in another window): nothing left to save it into.
          pending.current = null;
          return;
        }
        // Keep the work: merge it back under anything typed since, so the next flush retries it.
        // (Read through the ref again: TypeScript assumes it is still what was set above, but typing ran meanwhile.)
        const newer = pending.current as Pending | null;
        pending.current = { ...job, ...newer, at: Math.max(job.at, newer?.at ?? 0) };
        report({ kind: 'failed', message: errorWords(error, 'Your changes could not be saved yet; they are kept and saving is retried.').message });
        // Once the note is closed the journal keeps the work; reopening it or the next start saves it.
        if (mounted.current) {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void retry.current(), retryDelayMs);
        }
      }
    },
    [db, noteId, report],
  );

  /** Serialised: two saves of one note never interleave, so an older body cannot overwrite a newer one. */
  const enqueue = useCallback(
    (withTitle: boolean) => {
      clearTimeout(timer.current);
      const run = () => save(withTitle);
      running.current = running.current.then(run, run);
      return running.current;
    },
    [save],
  );
  const flush = useCallback(() => enqueue(true), [enqueue]);
  useEffect(() => {
    retry.current = flush;
  }, [flush]);

  const change = useCallback(
    (patch: Partial<NoteDraft>) => {
      latest.current = { ...latest.current, ...patch };
      const at = stamp();
      pending.current = {
        ...pending.current,
        ...patch,
        at,
        ...(patch.doc !== undefined ? { docAt: at } : {}),
        ...(patch.title !== undefined ? { titleAt: at } : {}),
      };
      try {
        const storage = journalStorage();
        if (storage) writeJournal(storage, { noteId, doc: latest.current.doc, title: latest.current.title, at });
      } catch {
        // A full localStorage must not stop typing; the database save below still runs.
      }
      report({ kind: 'pending' });
      clearTimeout(timer.current);
      // The body is saved after a pause; a title waits for blur, Enter or leaving (flush).
      if (pending.current.doc !== undefined) timer.current = setTimeout(() => void enqueue(false), delayMs);
    },
    [delayMs, enqueue, noteId, report],
  );

  useEffect(() => {
    mounted.current = true;
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush().then(() => snapshotNow(db, noteId)).catch(() => undefined);
    };
    const onLeave = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      mounted.current = false;
      // Leaving the note (navigation, another note, unmount): save now and keep a version of it.
      void flush()
        .then(() => snapshotNow(db, noteId))
        .catch(() => undefined)
        .finally(() => clearTimeout(timer.current));
    };
  }, [db, noteId, flush]);

  return { state, titleProblem, change, flush };
}
