import { useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Id, Source } from '../../../shared/model';
import { compileRules } from '../../../shared/feeds/mute-rules';
import { useHashRouter } from '../../app/router';
import { DatabaseContext, setItemState, useDatabase, useMutedIds, useRiverHead, useRiverKeys, useRules, useSources, useUnreadCountsWithout } from '../../data';
import { Reader } from './reader';
import { useRefreshProgress } from './refresh-status';
import { RiverPane } from './river-pane';
import { RulesContext } from './rules-context';
import { scopeSourceIds, scopeTitle } from './river-scope';
import { SeekContext, useSeek, type SeekServices } from './seek-context';
import { SeekToolbar } from './seek-toolbar';
import { select, selectedIndex, step } from './selection';
import { SourcesSidebar } from './sources-sidebar';
import { UndoToast, useToast } from '../../ui/undo-toast';
import { useTriage, useTriageKeys } from './use-triage';
import './seek.css';

/** Seek: subscribe, refresh, triage the river from the keyboard, read. */
export function SeekView() {
  const db = useContext(DatabaseContext);
  const seek = useContext(SeekContext);
  if (!db || !seek) {
    return (
      <SeekFrame>
        <p className="seek__opening" role={seek?.libraryError ? 'alert' : undefined}>
          {seek?.libraryError ?? 'Opening your library…'}
        </p>
      </SeekFrame>
    );
  }
  return <SeekWorkspace />;
}

function SeekFrame({ toolbar, children }: { toolbar?: ReactNode; children: ReactNode }) {
  return (
    <div className="seek" data-area="seek">
      <header className="seek__header">
        <h1 className="area-page__title seek__title" tabIndex={-1}>
          Seek
        </h1>
        {toolbar}
      </header>
      {children}
    </div>
  );
}

function SeekWorkspace() {
  const db = useDatabase();
  const seek = useSeek();
  const { view, setView, refreshSources } = seek;
  const sources = useSources();
  const { toast, notify, dismiss } = useToast();
  const riverRef = useRef<HTMLDivElement>(null);

  const sourceIds = useMemo(() => sources?.map((source) => source.id), [sources]);
  // Mute rules hide stories from the river and the unread counts; see data/muted-items.ts for how.
  const rules = useRules();
  const rulesKey = JSON.stringify(rules ?? []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content: an equal rule list keeps its matcher
  const matcher = useMemo(() => compileRules(rules ?? []), [rulesKey]);
  const muted = useMutedIds(matcher);
  const counts = useUnreadCountsWithout(sourceIds, muted);
  const scopeIds = useMemo(() => scopeSourceIds(view.scope, sources ?? []), [view.scope, sources]);
  const storedIds = useRiverKeys(view.filter, scopeIds);
  // The top rows first: reading 100,000 ids takes a moment, the first sixty do not.
  const storedHead = useRiverHead(view.filter, storedIds === undefined && view.scope.kind === 'all');
  const allIds = useMemo(() => (storedIds && muted.size > 0 ? storedIds.filter((id) => !muted.has(id)) : storedIds), [storedIds, muted]);
  const head = useMemo(() => (storedHead && muted.size > 0 ? storedHead.filter((id) => !muted.has(id)) : storedHead), [storedHead, muted]);
  const ids = allIds ?? head ?? undefined;
  const sourceTitles = useMemo(() => new Map<Id, string>((sources ?? []).map((source) => [source.id, source.title])), [sources]);
  const progress = useRefreshProgress();
  const refreshing = useMemo(() => new Set(progress.active), [progress.active]);

  const perform = useTriage({ db, ids, allIds, seek, notify });
  useTriageKeys(perform, riverRef);

  const list = ids ?? [];
  useRoutedItem(list, setView);
  const index = selectedIndex(list, view.selection);
  const unread =
    counts === undefined ? undefined : scopeIds === undefined ? counts.total : scopeIds.reduce((sum, id) => sum + (counts.bySource.get(id) ?? 0), 0);

  const onSubscribed = (source: Source) => setView({ scope: { kind: 'source', id: source.id }, selection: { id: undefined, anchor: 0 } });
  const toolbar = <SeekToolbar hasSources={(sources?.length ?? 0) > 0} notify={notify} onSubscribed={onSubscribed} />;

  // One tree shape whether or not the sources have loaded: a different wrapper in the loading
  // branch would remount the toolbar, and with it an open Add feed form, when they arrive.
  return (
    <RulesContext value={matcher}>
      <SeekFrame toolbar={toolbar}>
        {sources === undefined ? null : sources.length === 0 ? (
          <Welcome />
        ) : (
          <div className="seek__panes">
            <SourcesSidebar
              sources={sources}
              counts={counts}
              scope={view.scope}
              refreshing={refreshing}
              notify={notify}
              onScope={(scope) => setView({ scope, selection: { id: undefined, anchor: 0 } })}
              onRetry={(id) => void refreshSources([id])}
            />
            <RiverPane
              title={scopeTitle(view.scope, sources)}
              ids={ids}
              unread={unread}
              filter={view.filter}
              selectedIndex={index}
              selectedId={view.selection.id}
              openId={view.openId}
              sourceTitles={sourceTitles}
              listRef={riverRef}
              onFilter={(filter) => setView({ filter, selection: { id: undefined, anchor: 0 } })}
              onActivate={(id) => {
                setView({ selection: select(list, id), openId: id });
                riverRef.current?.focus();
                void setItemState(db, id, { read: true });
              }}
              onStep={(delta) => setView((current) => ({ selection: step(list, current.selection, delta) }))}
              onOpen={() => void perform('open')}
            />
            <Reader itemId={view.openId} sourceTitles={sourceTitles} />
          </div>
        )}
        <UndoToast toast={toast} onNotify={notify} onDismiss={dismiss} />
      </SeekFrame>
    </RulesContext>
  );
}

/**
 * `#/seek/item/<id>` (a note's "Open in reader") opens that item in the reader, whether or not the
 * river shows it. Only a new route opens it, so moving on with j/k is not undone by a re-render.
 */
function useRoutedItem(list: readonly Id[], setView: SeekServices['setView']): void {
  const { route } = useHashRouter();
  const routedId = route.area === 'seek' && route.path[0] === 'item' && route.path[1] ? route.path[1] : undefined;
  const latestList = useRef(list);
  useEffect(() => {
    latestList.current = list;
  });
  useEffect(() => {
    if (routedId !== undefined) setView({ openId: routedId, selection: select(latestList.current, routedId) });
  }, [routedId, setView]);
}

/** No sources yet: say what to do, with the two ways in. */
function Welcome() {
  return (
    <section className="empty-state seek__welcome" aria-labelledby="seek-empty-title">
      <h2 id="seek-empty-title" className="empty-state__title">
        You follow nothing yet
      </h2>
      <p className="empty-state__text">
        Choose <strong>Add feed</strong> and paste the address of a feed or of any website: Commonplace finds its feeds and shows
        you a preview first. Or choose <strong>Import OPML</strong> to bring your subscriptions over from another reader.
      </p>
      <p className="empty-state__text">
        What they publish flows into one river that you triage from the keyboard, with the full text kept to read offline.
        Hashtag searches are coming later.
      </p>
    </section>
  );
}
