import type { Id } from '../../../shared/model';
import { useItem } from '../../data';
import { classify } from '../../../shared/feeds/mute-rules';
import { formatShortDate } from './format-date';
import { useRuleMatcher } from './rules-context';
import './rules-badge.css';

export const riverRowHeight = 72;

export function riverOptionId(id: Id): string {
  return `river-item-${id}`;
}

interface RiverRowProps {
  id: Id;
  index: number;
  count: number;
  top: number;
  selected: boolean;
  open: boolean;
  sourceTitles: ReadonlyMap<Id, string>;
  onActivate: (id: Id) => void;
}

/** One story in the river; its accessible name is its title, as users and tests look for it. */
export function RiverRow({ id, index, count, top, selected, open, sourceTitles, onActivate }: RiverRowProps) {
  const item = useItem(id);
  const matcher = useRuleMatcher();
  const position = { top, height: riverRowHeight };
  if (!item) {
    // Loading, or deleted a moment ago: keep the space, say nothing.
    return <div className="river-row river-row--placeholder" style={position} aria-hidden="true" />;
  }
  const source = item.sourceIds.map((sourceId) => sourceTitles.get(sourceId)).find((title) => title !== undefined);
  const title = item.title.trim() || 'Untitled';
  // Classified as it renders (only rows on screen render): a keep rule needs no pass over the library.
  const kept = matcher.keeps && classify(item, item.sourceIds, matcher) === 'kept';
  const flags = [item.starred ? 'Starred' : '', item.later ? 'Read later' : '', item.archived ? 'Archived' : ''].filter(Boolean);
  return (
    <div
      role="option"
      id={riverOptionId(id)}
      className="river-row"
      data-unread={item.read ? undefined : 'true'}
      data-open={open ? 'true' : undefined}
      aria-selected={selected}
      aria-labelledby={`${riverOptionId(id)}-title`}
      aria-describedby={`${riverOptionId(id)}-meta`}
      aria-posinset={index + 1}
      aria-setsize={count}
      style={position}
      onClick={() => onActivate(id)}
    >
      <span className="river-row__title" id={`${riverOptionId(id)}-title`}>
        {title}
      </span>
      <span className="river-row__meta" id={`${riverOptionId(id)}-meta`}>
        {!item.read && (
          <span className="river-row__dot">
            <span className="visually-hidden">Unread · </span>
          </span>
        )}
        {source && <span className="river-row__source">{source} · </span>}
        <time dateTime={new Date(item.publishedAt).toISOString()}>{formatShortDate(item.publishedAt)}</time>
        {kept && (
          <span className="river-row__kept" title="A keep rule matched this story">
            {' '}
            Kept<span className="visually-hidden"> by a rule</span>
          </span>
        )}
        {flags.map((flag) => (
          <span key={flag} className="river-row__flag">
            {' · '}
            {flag}
          </span>
        ))}
      </span>
    </div>
  );
}
