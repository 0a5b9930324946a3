import type { RefObject } from 'react';
import type { Id } from '../../../shared/model';
import type { RiverFilter } from '../../data';
import { RiverFilters, filterLabel } from './river-filters';
import { RiverList } from './river-list';
import './river.css';

interface RiverPaneProps {
  title: string;
  ids: readonly Id[] | undefined;
  unread: number | undefined;
  filter: RiverFilter;
  selectedIndex: number;
  selectedId: Id | undefined;
  openId: Id | undefined;
  sourceTitles: ReadonlyMap<Id, string>;
  listRef: RefObject<HTMLDivElement | null>;
  onFilter: (filter: RiverFilter) => void;
  onActivate: (id: Id) => void;
  onStep: (delta: 1 | -1) => void;
  onOpen: () => void;
}

const emptyTexts: Readonly<Record<RiverFilter, readonly [title: string, text: string]>> = {
  all: ['Nothing here yet', 'New items appear here when your sources publish. Refresh all to look now.'],
  unread: ['All caught up', 'No unread items here. New ones arrive when your sources publish.'],
  starred: ['Nothing starred', 'Press s to star the selected item and keep it here.'],
  later: ['Nothing saved for later', 'Press l to save the selected item to read later.'],
  archived: ['Nothing archived', 'Press e to archive an item you are done with; it leaves the river and waits here.'],
};

/** The river's heading, its filters, and the list (or an honest word on why it is empty). */
export function RiverPane({ title, ids, unread, filter, selectedIndex, selectedId, openId, sourceTitles, listRef, onFilter, onActivate, onStep, onOpen }: RiverPaneProps) {
  const [emptyTitle, emptyText] = emptyTexts[filter];
  // Said once: the empty Unread view already says "All caught up" in its own words.
  const countText = unread === undefined || (filter === 'unread' && ids?.length === 0) ? '' : unread === 0 ? 'All caught up' : `${unread} unread`;
  return (
    <section className="river" aria-labelledby="river-title">
      <header className="river__header">
        <h2 id="river-title" className="river__title">
          {title}
        </h2>
        <p className="river__count">{countText}</p>
        <RiverFilters value={filter} onChange={onFilter} />
      </header>
      {ids === undefined ? (
        <p className="river__empty">Loading…</p>
      ) : ids.length === 0 ? (
        <div className="river__empty">
          <h3 className="river__empty-title">{emptyTitle}</h3>
          <p>{emptyText}</p>
        </div>
      ) : (
        <RiverList
          ids={ids}
          label={`${title}: ${filterLabel(filter)}`}
          selectedIndex={selectedIndex}
          selectedId={selectedId}
          openId={openId}
          sourceTitles={sourceTitles}
          listRef={listRef}
          onActivate={onActivate}
          onStep={onStep}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
