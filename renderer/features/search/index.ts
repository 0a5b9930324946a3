export { SearchBox } from './search-box';
export { SearchPanel } from './search-panel';
export { SearchProvider } from './search-context';
export { SavedSearches } from './saved-searches';
export { requestSearchRebuild } from './rebuild-request';
