// Renderer tests run in jsdom; Dexie needs an IndexedDB, which fake-indexeddb provides in memory.
import 'fake-indexeddb/auto';

// These machines have two cores and run several jsdom test files at once; Testing Library's default
// one-second wait for findBy*/waitFor is too tight there and made tests flaky, not wrong.
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 5000 });
