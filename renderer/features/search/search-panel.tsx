interface SearchPanelProps {
  id: string;
  query: string;
}

/**
 * What typing in the search box shows until the search index exists: an honest sentence, never
 * made-up results, so nobody concludes that their notes "have no matches".
 */
export function SearchPanel({ id, query }: SearchPanelProps) {
  return (
    <div id={id} className="search-panel" role="region" aria-label="Search results">
      <p className="search-panel__title">
        <span className="badge">Coming</span> Search is not built yet
      </p>
      <p className="search-panel__text" id={`${id}-message`}>
        Full-text search over items, highlights and notes arrives with the search index. Until then nothing is searched, so
        there are no results for <q className="search-panel__query">{query}</q>.
      </p>
      <p className="search-panel__hint">
        <kbd className="kbd">Esc</kbd> clears the search
      </p>
    </div>
  );
}
