/**
 * Autosave for the open note, built so that no keystroke is lost:
 * - every change goes to a synchronous journal in localStorage first (survives a crash or a window
 *   closed one keystroke later; the app replays it at the next start, see recoverJournal);
 * - the database write is debounced, and flushed at once on blur, on leaving the note, when the page
 *   is hidden (`visibilitychange`) and when it is closed (`pagehide`/`beforeunload`);
 * - a version snapshot is taken now and then while writing, and when the user leaves the note.
 * The title is saved with the body but through the rename path, so links to the note follow it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocNode, Id } from '../../../shared/model';
import {
  clearJournal,
  isStoreError,
  renameNote,
  saveNoteContent,
  snapshotIfDue,
  snapshotNow,
  writeJournal,
  type CommonplaceDb,
} from '../../data';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

export interface NoteDraft {
  doc: DocNode;
  title: string;
}

interface Pending {
  doc?: DocNode;
  title?: string;
  at: number;
}

export const autosaveDelayMs = 600;

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
  flush: () => Promise<void>;
}

export function useNoteAutosave(db: CommonplaceDb, noteId: Id, initial: NoteDraft): NoteAutosave {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const [titleProblem, setTitleProblem] = useState<string | null>(null);
  const latest = useRef<NoteDraft>(initial);
  const pending = useRef<Pending | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);

  const report = useCallback((next: SaveState) => {
    if (mounted.current) setState(next);
  }, []);

  const save = useCallback(async () => {
    const job = pending.current;
    if (!job) return;
    pending.current = null;
    report({ kind: 'saving' });
    try {
      if (job.doc !== undefined) await saveNoteContent(db, noteId, { doc: job.doc });
      if (job.title !== undefined) {
        try {
          await renameNote(db, noteId, job.title);
          if (mounted.current) setTitleProblem(null);
        } catch (error) {
          if (!isStoreError(error, 'duplicate-title')) throw error;
          if (mounted.current) setTitleProblem(error.message);
        }
      }
      const storage = journalStorage();
      if (storage) clearJournal(storage, noteId, job.at);
      report(pending.current ? { kind: 'pending' } : { kind: 'saved' });
      void snapshotIfDue(db, noteId).catch(() => undefined);
    } catch (error) {
      // Keep the work: merge it back under anything typed since, so the next flush retries it.
      // (Read through the ref again: TypeScript assumes it is still the null set above, but typing ran meanwhile.)
      const newer = pending.current as Pending | null;
      pending.current = { ...job, ...newer, at: Math.max(job.at, newer?.at ?? 0) };
      report({ kind: 'failed', message: error instanceof Error ? error.message : 'Your changes could not be saved yet.' });
    }
  }, [db, noteId, report]);

  /** Serialised: two saves of one note never interleave, so an older body cannot overwrite a newer one. */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    running.current = running.current.then(save, save);
    return running.current;
  }, [save]);

  const change = useCallback(
    (patch: Partial<NoteDraft>) => {
      latest.current = { ...latest.current, ...patch };
      const at = Date.now();
      pending.current = { ...pending.current, ...patch, at };
      const storage = journalStorage();
      try {
        if (storage) writeJournal(storage, { noteId, doc: latest.current.doc, title: latest.current.title, at });
      } catch {
        // A full localStorage must not stop typing; the debounced save below still runs.
      }
      report({ kind: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), autosaveDelayMs);
    },
    [flush, noteId, report],
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
        .catch(() => undefined);
    };
  }, [db, noteId, flush]);

  return { state, titleProblem, change, flush };
}
