/**
 * The left pane of Sense: the tag pane (nested tags indented under their parents) and the notes list,
 * most recently changed first, narrowed by a tag and by a title filter.
 */
import { useMemo, useState } from 'react';
import type { Id, Note } from '../../../shared/model';
import { useNoteList, useNoteTags } from '../../data';
import { describeChange } from './describe-change';

interface NotesSidebarProps {
  currentId: Id | undefined;
  tag: string | null;
  onTag: (tag: string | null) => void;
  onOpen: (id: Id) => void;
}

/** Enough for a long scroll; older notes are one filter or one search away. */
const listLimit = 500;

export function NotesSidebar({ currentId, tag, onTag, onOpen }: NotesSidebarProps) {
  const notes = useNoteList({ ...(tag ? { tag } : {}), limit: listLimit });
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    if (!notes || !needle) return notes;
    return notes.filter((note) => note.title.toLocaleLowerCase().includes(needle) || note.aliases.some((alias) => alias.toLocaleLowerCase().includes(needle)));
  }, [notes, filter]);

  return (
    <nav className="notes-sidebar" aria-label="Notes">
      <TagPane tag={tag} onTag={onTag} />
      <div className="notes-sidebar__list-head">
        <h2 className="notes-sidebar__title">{tag ? `Notes tagged #${tag}` : 'Notes'}</h2>
        <input
          type="search"
          className="notes-sidebar__filter"
          aria-label="Filter notes"
          placeholder="Filter by title"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {shown === undefined ? (
        <p className="notes-sidebar__empty">Loading notes…</p>
      ) : shown.length === 0 ? (
        <p className="notes-sidebar__empty">{filter || tag ? 'No note matches.' : 'No notes yet. Choose New note to write one.'}</p>
      ) : (
        <ul className="notes-sidebar__list" aria-label="Notes, most recently changed first">
          {shown.map((note) => (
            <NoteRow key={note.id} note={note} current={note.id === currentId} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {notes && notes.length === listLimit && <p className="notes-sidebar__more">Showing the {listLimit} most recently changed notes.</p>}
    </nav>
  );
}

function NoteRow({ note, current, onOpen }: { note: Note; current: boolean; onOpen: (id: Id) => void }) {
  const excerpt = note.text.replace(/\s+/g, ' ').trim().slice(0, 90);
  return (
    <li>
      <a
        className="notes-sidebar__note"
        href={`#/sense/note/${encodeURIComponent(note.id)}`}
        aria-current={current ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          onOpen(note.id);
        }}
      >
        <span className="notes-sidebar__note-title">{note.title || 'Untitled'}</span>
        <span className="notes-sidebar__note-meta">
          {describeChange(note.updatedAt)}
          {excerpt && ` · ${excerpt}`}
        </span>
      </a>
    </li>
  );
}

function TagPane({ tag, onTag }: { tag: string | null; onTag: (tag: string | null) => void }) {
  const tags = useNoteTags();
  if (!tags || tags.length === 0) return null;
  return (
    <section className="tag-pane" aria-label="Tags">
      <h2 className="notes-sidebar__title">Tags</h2>
      <ul className="tag-pane__list">
        <li>
          <button type="button" className="tag-pane__tag" aria-pressed={tag === null} onClick={() => onTag(null)}>
            All notes
          </button>
        </li>
        {tags.map((entry) => {
          const depth = entry.tag.split('/').length - 1;
          const name = entry.tag.split('/').pop() ?? entry.tag;
          return (
            <li key={entry.tag} className="tag-pane__item" data-depth={Math.min(depth, 4)}>
              <button
                type="button"
                className="tag-pane__tag"
                aria-pressed={tag === entry.tag}
                aria-label={`#${entry.tag}, ${entry.count} ${entry.count === 1 ? 'note' : 'notes'}`}
                onClick={() => onTag(tag === entry.tag ? null : entry.tag)}
              >
                #{name} <span className="tag-pane__count">{entry.count}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
