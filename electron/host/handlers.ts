/**
 * The host's implementation of the contract. Both transports (ipc.ts, web-host.ts) serve
 * exactly this object, so a call behaves the same in the desktop app and in browser mode.
 */
import type { HostHandlers } from '../../shared/host-contract';
import { HostFailure } from '../../shared/host-error';
import { appInfo } from './app-info';
import { articleWorker } from './articles/article-worker';
import { extractArticle } from './articles/extract-article';
import { discoverFeeds } from './feeds/discover';
import { fetchFeed } from './feeds/fetch-feed';
import { backupFolder } from './backup/backup-folder';
import { remotePublishing } from './publish/remote-publishing';
import type { SecretStore } from './secrets/secret-store';
import { changedSiteFiles, pruneSiteFiles, writeSiteFiles } from './site/site-folder';
import { fetchSource } from './sources/fetch-source';

/** What only the platform can do: the desktop app passes Electron's dialogs; browser mode has none. */
export interface HostServices {
  /** Asks the user for a folder; undefined when they cancel. */
  pickFolder?: () => Promise<string | undefined>;
  /** Where publishing tokens are kept: encrypted by the system keychain in the desktop app, a private file in browser mode. */
  secrets?: SecretStore;
  /** The folder backups are kept in; without one this host keeps no backups. */
  backupsFolder?: string;
  /** The built article worker (dist/electron/extract-worker.cjs); without it articles are read in this thread. */
  articleWorkerScript?: string;
}

export function createHostHandlers(services: HostServices = {}): HostHandlers {
  const { pickFolder } = services;
  const remote = remotePublishing(services.secrets);
  const articles = services.articleWorkerScript === undefined ? undefined : articleWorker({ script: services.articleWorkerScript });
  const backups = services.backupsFolder === undefined ? undefined : backupFolder({ folder: services.backupsFolder, secrets: services.secrets });
  const backupStore = () => {
    if (!backups) throw new HostFailure('unavailable', 'This copy of Commonplace keeps no backups.');
    return backups;
  };
  return {
    'app:info': async (_request, context) => appInfo(context.transport),
    'feed:discover': (request) => discoverFeeds(request),
    'feed:fetch': (request) => fetchFeed(request),
    'article:extract': (request) => extractArticle(request, articles ? { extractInWorker: articles.extract } : {}),
    'site:changed': async (request) => ({ changed: await changedSiteFiles(request.folder, request.files) }),
    'site:write': async (request) => ({ written: await writeSiteFiles(request.folder, request.files) }),
    'site:prune': async (request) => ({ removed: await pruneSiteFiles(request.folder, request.keep) }),
    'site:pick-folder': async () => {
      if (!pickFolder) return { supported: false };
      const folder = await pickFolder();
      return folder === undefined ? { supported: true } : { supported: true, folder };
    },
    'secrets:set': (request) => remote.setSecret(request.key, request.value),
    'secrets:status': (request) => remote.secretStatus(request.key),
    'secrets:delete': (request) => remote.deleteSecret(request.key),
    'publish:micropub': (request) => remote.micropub(request),
    'publish:wordpress': (request) => remote.wordpress(request),
    'publish:mastodon': (request) => remote.mastodon(request),
    'source:fetch': (request) => fetchSource(request, services.secrets ? { secrets: services.secrets } : {}),
    'backup:list': async () => (backups ? { supported: true, folder: backups.folder, backups: await backups.list() } : { supported: false }),
    'backup:begin': (request) => backupStore().begin(request.header, request.includeSecrets),
    'backup:append': async (request) => {
      await backupStore().append(request.session, request.text);
      return {};
    },
    'backup:finish': (request) => backupStore().finish(request.session, request.rows),
    'backup:abort': async (request) => {
      await backupStore().abort(request.session);
      return {};
    },
    'backup:open': (request) => backupStore().open(request.name),
    'backup:read': (request) => backupStore().read(request.session),
    'backup:restore-secrets': (request) => backupStore().restoreSecrets(request),
  };
}
