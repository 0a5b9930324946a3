/** `source:fetch`: one refresh of a source that is not a feed (a hashtag, a search), by what the user typed. */
import { z } from 'zod';
import { parsedFeedSchema } from '../feeds/feed-schemas';
import { sourceKinds, type SourceKind } from '../model';

/** Every kind of source but a feed: what `source:fetch` serves. */
export const searchSourceKinds = sourceKinds.filter((kind): kind is Exclude<SourceKind, 'feed'> => kind !== 'feed') as [Exclude<SourceKind, 'feed'>, ...Array<Exclude<SourceKind, 'feed'>>];

export const fetchSourceRequestSchema = z
  .object({
    /** As typed in Add source (`#pkm@social.example`, `hn:local-first`); the host reads it (source-spec.ts). */
    query: z.string().min(1).max(1000),
    /** Where the last refresh stopped (opaque, from the previous answer); absent the first time. */
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const fetchSourceResponseSchema = z.object({
  kind: z.enum(searchSourceKinds),
  /** The address that identifies the source (its API endpoint with the query): one source per search. */
  endpoint: z.string(),
  /** A name for it, such as "#pkm on social.example". */
  title: z.string(),
  feed: parsedFeedSchema,
  cursor: z.string().optional(),
  /** Epoch ms before which the service asked not to be asked again. */
  retryAfter: z.number().optional(),
});
export type FetchSourceResponse = z.infer<typeof fetchSourceResponseSchema>;
