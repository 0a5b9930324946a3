import { useId, useMemo, useState } from 'react';
import type { Id, Source } from '../../../shared/model';
import type { UnreadCounts } from '../../data';
import { ManageSourceDialog } from './manage-source-dialog';
import { RulesDialog } from './rules-dialog';
import { SeekShortcuts } from './seek-shortcuts';
import { groupByFolder, groupByTag, sameScope, type RiverScope } from './river-scope';
import type { Notify } from '../../ui/undo-toast';
import './sources-sidebar.css';

interface SourcesSidebarProps {
  sources: readonly Source[];
  counts: UnreadCounts | undefined;
  scope: RiverScope;
  refreshing: ReadonlySet<Id>;
  onScope: (scope: RiverScope) => void;
  onRetry: (id: Id) => void;
  notify: Notify;
}

/** "All items", sources by folder, then tags, with unread counts; each source shows its last error and a Retry. */
export function SourcesSidebar({ sources, counts, scope, refreshing, onScope, onRetry, notify }: SourcesSidebarProps) {
  const groups = useMemo(() => groupByFolder(sources), [sources]);
  const folders = useMemo(() => groups.map((group) => group.folder).filter((folder): folder is string => folder !== undefined), [groups]);
  const tags = useMemo(() => groupByTag(sources), [sources]);
  const tagsHeadingId = useId();
  const [managing, setManaging] = useState<Id | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const managed = sources.find((source) => source.id === managing);
  const count = (id: Id) => counts?.bySource.get(id) ?? 0;

  return (
    <nav className="sources" aria-label="Sources">
      <ul className="sources__list">
        <li>
          <ScopeButton label="All items" unread={counts?.total} current={scope.kind === 'all'} onClick={() => onScope({ kind: 'all' })} />
        </li>
      </ul>
      {groups.map((group) => (
        <div key={group.folder ?? ''} className="sources__group">
          {group.folder !== undefined && (
            <ScopeButton
              label={group.folder}
              className="sources__folder"
              unread={group.sources.reduce((sum, source) => sum + count(source.id), 0)}
              current={sameScope(scope, { kind: 'folder', folder: group.folder })}
              onClick={() => onScope({ kind: 'folder', folder: group.folder! })}
            />
          )}
          <ul className="sources__list">
            {group.sources.map((source) => (
              <li key={source.id} className="source" data-error={source.lastError ? 'true' : undefined}>
                <div className="source__row">
                  <ScopeButton
                    label={source.title}
                    unread={count(source.id)}
                    current={sameScope(scope, { kind: 'source', id: source.id })}
                    onClick={() => onScope({ kind: 'source', id: source.id })}
                  />
                  <button type="button" className="source__manage" aria-label={`Manage ${source.title}`} aria-haspopup="dialog" onClick={() => setManaging(source.id)}>
                    <span aria-hidden="true">⋯</span>
                  </button>
                </div>
                {refreshing.has(source.id) && <p className="source__note">Refreshing…</p>}
                {source.lastError && !refreshing.has(source.id) && (
                  <div className="source__error">
                    <p id={`source-error-${source.id}`}>{source.lastError.message}</p>
                    <button type="button" className="button button--quiet" aria-describedby={`source-error-${source.id}`} onClick={() => onRetry(source.id)}>
                      Retry
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {tags.length > 0 && (
        <div className="sources__group sources__tags" role="group" aria-labelledby={tagsHeadingId}>
          <h2 id={tagsHeadingId} className="sources__heading">
            Tags
          </h2>
          <ul className="sources__list">
            {tags.map(({ tag, sources: tagged }) => (
              <li key={tag}>
                <ScopeButton
                  label={tag}
                  unread={tagged.reduce((sum, source) => sum + count(source.id), 0)}
                  current={sameScope(scope, { kind: 'tag', tag })}
                  onClick={() => onScope({ kind: 'tag', tag })}
                />
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" className="button button--quiet sources__rules" aria-haspopup="dialog" onClick={() => setEditingRules(true)}>
        Mute and keep rules
      </button>
      {editingRules && <RulesDialog sources={sources} onClose={() => setEditingRules(false)} />}
      <SeekShortcuts />
      {managed && (
        <ManageSourceDialog
          source={managed}
          folders={folders}
          notify={notify}
          onClose={() => setManaging(null)}
          onUnsubscribed={(gone) => {
            if (sameScope(scope, { kind: 'source', id: gone.id })) onScope({ kind: 'all' });
          }}
        />
      )}
    </nav>
  );
}

interface ScopeButtonProps {
  label: string;
  unread: number | undefined;
  current: boolean;
  className?: string;
  onClick: () => void;
}

/** Named by its label alone; the unread count is its description, so names stay stable as counts change. */
function ScopeButton({ label, unread, current, className, onClick }: ScopeButtonProps) {
  const countId = useId();
  const countText = unread ? `${unread} unread` : undefined;
  return (
    <button
      type="button"
      className={`scope-button ${className ?? ''}`}
      aria-label={label}
      aria-describedby={countText ? countId : undefined}
      aria-current={current ? 'true' : undefined}
      onClick={onClick}
    >
      <span className="scope-button__label">{label}</span>
      {countText && (
        <span className="scope-button__count" id={countId} title={countText}>
          {unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </button>
  );
}
