/**
 * Who points here: every note that links to this one (with the sentence around each link), every
 * highlight gathered into it, and the unlinked mentions: places that name this note in plain text,
 * each one click from becoming a link (as Obsidian's backlinks pane does).
 */
import { useState } from 'react';
import type { Id } from '../../../shared/model';
import { linkUnlinkedMention, useBacklinks, useDatabase, useUnlinkedMentions, type UnlinkedMention } from '../../data';
import type { SentenceContext } from '../../../shared/notes/mentions';
import { errorWords } from '../../ui/error-words';

interface BacklinksPanelProps {
  noteId: Id;
  onOpenNote: (id: Id) => void;
  onOpenItem: (id: Id) => void;
}

function Context({ context }: { context: SentenceContext }) {
  return (
    <p className="backlinks__context">
      {context.before}
      <mark>{context.match}</mark>
      {context.after}
    </p>
  );
}

export function BacklinksPanel({ noteId, onOpenNote, onOpenItem }: BacklinksPanelProps) {
  const backlinks = useBacklinks(noteId);
  const mentions = useUnlinkedMentions(noteId);
  return (
    <aside className="backlinks" aria-label="Backlinks">
      <h2 className="backlinks__title">
        Backlinks{backlinks && backlinks.length > 0 ? <span className="backlinks__count"> {backlinks.length}</span> : null}
      </h2>
      {backlinks === undefined ? (
        <p className="backlinks__empty">Looking for links…</p>
      ) : backlinks.length === 0 ? (
        <p className="backlinks__empty">No note links here yet. Type [[ and this note’s title in another note to link it.</p>
      ) : (
        <ul className="backlinks__list">
          {backlinks.map((backlink, index) =>
            backlink.kind === 'note' ? (
              <li key={`n-${backlink.noteId}-${index}`} className="backlinks__entry">
                <button type="button" className="backlinks__link" onClick={() => onOpenNote(backlink.noteId)}>
                  {backlink.title || 'Untitled'}
                </button>
                <Context context={backlink.context} />
              </li>
            ) : (
              <li key={`h-${backlink.highlightId}`} className="backlinks__entry">
                <button type="button" className="backlinks__link" onClick={() => onOpenItem(backlink.itemId)}>
                  Highlight from {backlink.itemTitle || 'an item'}
                </button>
                <blockquote className="backlinks__quote">{backlink.exact}</blockquote>
              </li>
            ),
          )}
        </ul>
      )}
      <UnlinkedMentions noteId={noteId} mentions={mentions} onOpenNote={onOpenNote} />
    </aside>
  );
}

function UnlinkedMentions({ noteId, mentions, onOpenNote }: { noteId: Id; mentions: UnlinkedMention[] | undefined; onOpenNote: (id: Id) => void }) {
  const db = useDatabase();
  const [problem, setProblem] = useState<string | null>(null);
  if (!mentions || mentions.length === 0) return null;
  const link = async (mention: UnlinkedMention) => {
    setProblem(null);
    try {
      await linkUnlinkedMention(db, mention, noteId);
    } catch (error) {
      setProblem(errorWords(error, 'That mention could not be linked.').message);
    }
  };
  return (
    <section className="backlinks__mentions" aria-label="Unlinked mentions">
      <h3 className="backlinks__subtitle">Unlinked mentions {mentions.length}</h3>
      {problem && (
        <p role="alert" className="backlinks__problem">
          {problem}
        </p>
      )}
      <ul className="backlinks__list">
        {mentions.map((mention) => (
          <li key={`${mention.noteId}-${mention.phrase}-${mention.occurrence}`} className="backlinks__entry">
            <button type="button" className="backlinks__link" onClick={() => onOpenNote(mention.noteId)}>
              {mention.title || 'Untitled'}
            </button>
            <Context context={mention.context} />
            <button
              type="button"
              className="button button--quiet backlinks__make-link"
              aria-label={`Link this mention in ${mention.title || 'Untitled'}`}
              onClick={() => void link(mention)}
            >
              Link
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
