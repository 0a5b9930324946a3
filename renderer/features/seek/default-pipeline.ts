/** The real pure functions from shared/, checked here against the shapes Seek relies on. */
// From the module, not shared/feeds/index.ts: the index re-exports the zod schemas, whose top-level
// calls cannot be tree-shaken, and they would add ~60 kB to the renderer for nothing it uses.
import { normalizeFeed } from '../../../shared/feeds/normalize';
import { parseOpml, writeOpml } from '../../../shared/opml';
import type { SeekPipeline } from './pipeline';

export const defaultPipeline: SeekPipeline = Object.freeze({ normalize: normalizeFeed, parseOpml, writeOpml });
