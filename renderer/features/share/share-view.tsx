/**
 * Share: compose digests of what was read (New digest), publish them and single notes as posts, and see
 * where each was published. Where the user is lives in the hash (`#/share/digest/<id>`).
 */
import { useCallback, useContext, useState, type ReactNode } from 'react';
import type { Digest, Id } from '../../../shared/model';
import { toHash, useHashRouter } from '../../app/router';
import { createDigest, DatabaseContext, useDatabase, useNote } from '../../data';
import { errorWords } from '../../ui/error-words';
import { UndoToast, useToast, type Notify } from '../../ui/undo-toast';
import { DigestEditor } from './digest-editor';
import { PostPreview } from './post-preview';
import { PublicationsLog } from './publications-log';
import { PublishPanel } from './publish-panel';
import { useDigest, useDigests, usePublishedNotes } from './share-hooks';
import { sharePageOf, sharePath, type SharePage } from './share-routes';
import { ShareIcon } from './share-icon';
import './share.css';

export function ShareView() {
  const db = useContext(DatabaseContext);
  if (!db) {
    return (
      <ShareFrame>
        <p className="area-frame__loading">Opening your library…</p>
      </ShareFrame>
    );
  }
  return <ShareWorkspace />;
}

function ShareFrame({ toolbar, children }: { toolbar?: ReactNode; children: ReactNode }) {
  return (
    <div className="share area-frame" data-area="share">
      <header className="area-frame__header">
        <h1 className="area-page__title area-frame__title" tabIndex={-1}>
          Share
        </h1>
        {toolbar}
      </header>
      {children}
    </div>
  );
}

function ShareWorkspace() {
  const db = useDatabase();
  const { route, navigate } = useHashRouter();
  const page = sharePageOf(route.path);
  const { toast, notify, dismiss } = useToast();
  const go = useCallback((next: SharePage) => navigate({ area: 'share', path: sharePath(next) }), [navigate]);

  const newDigest = async () => {
    try {
      const digest = await createDigest(db);
      go({ kind: 'digest', id: digest.id });
    } catch (error) {
      notify({ text: errorWords(error, 'A new digest could not be started.').message });
    }
  };

  const toolbar = (
    <div className="area-frame__toolbar" role="toolbar" aria-label="Share actions">
      <button type="button" className="button button--primary" onClick={() => void newDigest()}>
        New digest
      </button>
    </div>
  );

  return (
    <ShareFrame toolbar={toolbar}>
      <div className="area-frame__panes">
        <DigestsSidebar current={page} onOpen={go} />
        <div className="area-frame__content">
          {page.kind === 'digest' ? (
            <DigestPage id={page.id} notify={notify} onClosed={() => go({ kind: 'home' })} onReopen={() => go(page)} />
          ) : page.kind === 'note' ? (
            <NotePostPage id={page.id} notify={notify} />
          ) : (
            <ShareHome />
          )}
        </div>
      </div>
      <UndoToast toast={toast} onNotify={notify} onDismiss={dismiss} />
    </ShareFrame>
  );
}

function DigestPage({ id, notify, onClosed, onReopen }: { id: Id; notify: Notify; onClosed: () => void; onReopen: () => void }) {
  const digest = useDigest(id);
  if (digest === undefined) return <p className="area-frame__loading">Opening the digest…</p>;
  if (digest === null) return <p className="share__missing">This digest no longer exists. Choose another, or start a New digest.</p>;
  return <DigestEditor key={digest.id} digest={digest} notify={notify} onDeleted={onClosed} onReopen={onReopen} />;
}

/** A note as a post of its own: how it will read, and Publish. */
function NotePostPage({ id, notify }: { id: Id; notify: Notify }) {
  const note = useNote(id);
  const [publishing, setPublishing] = useState(false);
  if (note === undefined) return <p className="area-frame__loading">Opening the note…</p>;
  if (note === null) return <p className="share__missing">This note no longer exists.</p>;
  return (
    <article className="digest-editor" aria-label="Note post">
      <div className="digest-editor__bar">
        <h2 className="digest-editor__title">{note.title || 'Untitled'}</h2>
      </div>
      <div className="digest-editor__actions" role="toolbar" aria-label="Post actions">
        <button type="button" className="button" aria-pressed={publishing} onClick={() => setPublishing(!publishing)}>
          Publish
        </button>
        <a className="button button--quiet" href={`#/sense/note/${encodeURIComponent(note.id)}`}>
          Edit the note
        </a>
      </div>
      <PublicationsLog record={{ noteId: note.id }} />
      {publishing && <PublishPanel record={{ noteId: note.id }} beforePublish={async () => undefined} notify={notify} />}
      <PostPreview record={{ noteId: note.id }} version={note.updatedAt} />
    </article>
  );
}

function DigestsSidebar({ current, onOpen }: { current: SharePage; onOpen: (page: SharePage) => void }) {
  const digests = useDigests();
  const notes = usePublishedNotes() ?? [];
  return (
    <nav className="share-sidebar" aria-label="Digests">
      <h2 className="share-sidebar__title">Digests</h2>
      {digests === undefined ? (
        <p className="share-sidebar__empty">Loading…</p>
      ) : digests.length === 0 ? (
        <p className="share-sidebar__empty">No digests yet. Choose New digest to gather the last seven days.</p>
      ) : (
        <ul className="share-sidebar__list">
          {digests.map((digest) => (
            <li key={digest.id}>
              <SidebarLink page={{ kind: 'digest', id: digest.id }} current={current} onOpen={onOpen}>
                <span className="share-sidebar__name">{digest.title || 'Untitled digest'}</span>
                <span className="share-sidebar__meta">{statusWords(digest)}</span>
              </SidebarLink>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <>
          <h2 className="share-sidebar__title">Published notes</h2>
          <ul className="share-sidebar__list">
            {notes.map((note) => (
              <li key={note.id}>
                <SidebarLink page={{ kind: 'note', id: note.id }} current={current} onOpen={onOpen}>
                  <span className="share-sidebar__name">{note.title || 'Untitled'}</span>
                </SidebarLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}

/** A digest or note in the sidebar: a real link (it can be opened in a new tab), followed in place. */
function SidebarLink({ page, current, onOpen, children }: { page: Extract<SharePage, { id: Id }>; current: SharePage; onOpen: (page: SharePage) => void; children: ReactNode }) {
  const here = current.kind === page.kind && current.id === page.id;
  return (
    <a
      className="share-sidebar__item"
      href={toHash({ area: 'share', path: sharePath(page) })}
      aria-current={here ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        onOpen(page);
      }}
    >
      {children}
    </a>
  );
}

const statusWords = (digest: Digest) => `${digest.status === 'published' ? 'Published' : 'Draft'} · ${digest.entries.length === 1 ? '1 entry' : `${digest.entries.length} entries`}`;

function ShareHome() {
  return (
    <section className="empty-state share__home" aria-labelledby="share-home-title">
      <div className="empty-state__art" aria-hidden="true">
        <ShareIcon />
      </div>
      <h2 id="share-home-title" className="empty-state__title">
        Turn a week of reading into a post
      </h2>
      <p className="empty-state__text">
        <strong>New digest</strong> gathers the last seven days: the items you starred, the passages you highlighted and the notes you tagged{' '}
        <code>#share</code>. Pick and order them, add a line of commentary to each, and publish them as a static blog with Atom, RSS and
        JSON feeds that anyone can follow, including a colleague&rsquo;s Commonplace, or as Markdown for Hugo and Jekyll.
      </p>
      <p className="empty-state__text">To publish a single note as a post, choose Publish on the note&rsquo;s page in Sense.</p>
    </section>
  );
}
