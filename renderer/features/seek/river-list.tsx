import type { KeyboardEvent, RefObject } from 'react';
import type { Id } from '../../../shared/model';
import { RiverRow, riverOptionId, riverRowHeight } from './river-row';
import { VirtualList } from './virtual-list';

interface RiverListProps {
  ids: readonly Id[];
  selectedIndex: number;
  selectedId: Id | undefined;
  openId: Id | undefined;
  sourceTitles: ReadonlyMap<Id, string>;
  label: string;
  listRef?: RefObject<HTMLDivElement | null>;
  onActivate: (id: Id) => void;
  onStep: (delta: 1 | -1) => void;
  onOpen: () => void;
}

/**
 * The river as a listbox whose focus stays on the list (aria-activedescendant), so arrow keys and
 * j/k move one selection and a screen reader announces the selected story by its title.
 */
export function RiverList({ ids, selectedIndex, selectedId, openId, sourceTitles, label, listRef, onActivate, onStep, onOpen }: RiverListProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onStep(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <VirtualList
      listRef={listRef}
      className="river-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 && selectedId ? riverOptionId(selectedId) : undefined}
      count={ids.length}
      rowHeight={riverRowHeight}
      scrollToIndex={selectedIndex}
      onKeyDown={onKeyDown}
      renderRow={(index, top) => {
        const id = ids[index]!;
        return (
          <RiverRow
            key={id}
            id={id}
            index={index}
            count={ids.length}
            top={top}
            selected={index === selectedIndex}
            open={id === openId}
            sourceTitles={sourceTitles}
            onActivate={onActivate}
          />
        );
      }}
    />
  );
}
