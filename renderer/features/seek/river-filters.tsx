import { useId } from 'react';
import type { RiverFilter } from '../../data';

const filterLabels: ReadonlyArray<readonly [RiverFilter, string]> = [
  ['all', 'All'],
  ['unread', 'Unread'],
  ['starred', 'Starred'],
  ['later', 'Read later'],
  ['archived', 'Archived'],
];

export function filterLabel(filter: RiverFilter): string {
  return filterLabels.find(([value]) => value === filter)?.[1] ?? filter;
}

/** Radio buttons drawn as a segmented control: one choice, arrow keys move it, j/k still work. */
export function RiverFilters({ value, onChange }: { value: RiverFilter; onChange: (filter: RiverFilter) => void }) {
  const name = useId();
  return (
    <fieldset className="river-filters">
      <legend className="visually-hidden">Show</legend>
      {filterLabels.map(([filter, label]) => (
        <label key={filter} className="river-filters__option" data-checked={filter === value ? 'true' : undefined}>
          <input type="radio" name={name} value={filter} checked={filter === value} onChange={() => onChange(filter)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
