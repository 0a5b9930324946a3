/**
 * The host's implementation of the contract. Both transports (ipc.ts, web-host.ts) serve
 * exactly this object, so a call behaves the same in the desktop app and in browser mode.
 */
import type { HostHandlers } from '../../shared/host-contract';
import { appInfo } from './app-info';
import { extractArticle } from './articles/extract-article';
import { discoverFeeds } from './feeds/discover';
import { fetchFeed } from './feeds/fetch-feed';

export function createHostHandlers(): HostHandlers {
  return {
    'app:info': async (_request, context) => appInfo(context.transport),
    'feed:discover': (request) => discoverFeeds(request),
    'feed:fetch': (request) => fetchFeed(request),
    'article:extract': (request) => extractArticle(request),
  };
}
