/**
 * Saved searches in the sidebar, each with how many documents match it now. The counts follow the index:
 * when new items arrive or a note changes, the index's status changes and every saved query is asked again.
 * Choosing one shows it in the search box with its results.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useContext, useEffect, useState } from 'react';
import { DatabaseContext, listSavedSearches, removeSavedSearch, type CommonplaceDb, type SavedSearch } from '../../data';
import { useAskSearch, useIndexStatus, useSearchService } from './search-context';
import './saved-searches.css';

/** Counted up to this many; more shows as "100+". */
const countLimit = 100;

export function SavedSearches() {
  const db = useContext(DatabaseContext);
  return db ? <SavedSearchList db={db} /> : null;
}

function SavedSearchList({ db }: { db: CommonplaceDb }) {
  const saved = useLiveQuery(() => listSavedSearches(db), [db]);
  const service = useSearchService();
  const status = useIndexStatus(service);
  const ask = useAskSearch();
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());

  useEffect(() => {
    if (!service || !saved || (status.state !== 'ready' && status.state !== 'catching-up')) return;
    let current = true;
    Promise.all(saved.map(async (entry) => [entry.query, (await service.search(entry.query, countLimit)).hits.length] as const)).then(
      (pairs) => current && setCounts(new Map(pairs)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [service, saved, status]);

  if (!saved || saved.length === 0) return null;
  return (
    <section className="saved-searches" aria-label="Saved searches">
      <h2 className="saved-searches__title">Saved searches</h2>
      <ul className="saved-searches__list">
        {saved.map((entry) => (
          <SavedSearchRow key={entry.id} entry={entry} count={counts.get(entry.query)} onRun={() => ask(entry.query)} onRemove={() => void removeSavedSearch(db, entry.id)} />
        ))}
      </ul>
    </section>
  );
}

function SavedSearchRow({ entry, count, onRun, onRemove }: { entry: SavedSearch; count: number | undefined; onRun: () => void; onRemove: () => void }) {
  const shown = count === undefined ? '' : count >= countLimit ? `${countLimit}+` : String(count);
  return (
    <li className="saved-searches__item">
      <button type="button" className="saved-searches__run" onClick={onRun} aria-label={`${entry.name}${shown ? `, ${shown} matching` : ''}`}>
        <span className="saved-searches__name">{entry.name}</span>
        {shown && <span className="saved-searches__count">{shown}</span>}
      </button>
      <button type="button" className="saved-searches__remove" aria-label={`Remove saved search ${entry.name}`} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
