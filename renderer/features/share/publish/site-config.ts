/**
 * The user's site: its name, address and author, and the folders it is published into. Kept in settings
 * (`share.site`), so it travels with backups like everything else the user set up.
 */
import type { SiteSettings } from '../../../../shared/publish/site-model';

export const siteConfigKey = 'share.site';

export interface SiteConfig {
  title: string;
  description: string;
  /** Where the site is read (https://me.example/blog/); empty: the output folder itself, as a file:// address. */
  baseUrl: string;
  authorName: string;
  authorUrl: string;
  language: string;
  /** The static site's output folder (absolute path). */
  folder: string;
  /** The root folders of the user's Hugo and Jekyll sites. */
  generatorFolders: { hugo: string; jekyll: string };
  /** Where the remote targets are (their tokens live with the host, never here). */
  remote: RemoteAccounts;
}

export interface RemoteAccounts {
  micropubSite: string;
  wordpressSite: string;
  wordpressUser: string;
  mastodonInstance: string;
  mastodonVisibility: 'public' | 'unlisted' | 'private';
}

export const defaultRemoteAccounts: RemoteAccounts = { micropubSite: '', wordpressSite: '', wordpressUser: '', mastodonInstance: '', mastodonVisibility: 'public' };

export const defaultSiteConfig: SiteConfig = {
  title: 'My commonplace book',
  description: 'Finds and notes, worked out in the open.',
  baseUrl: '',
  authorName: '',
  authorUrl: '',
  language: 'en',
  folder: '',
  generatorFolders: { hugo: '', jekyll: '' },
  remote: defaultRemoteAccounts,
};

/** Reads a stored value leniently: anything missing or of the wrong type falls back to the default. */
export function siteConfigFrom(value: unknown): SiteConfig {
  const stored = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (key: keyof SiteConfig) => (typeof stored[key] === 'string' ? (stored[key] as string) : (defaultSiteConfig[key] as string));
  const remote = (stored.remote && typeof stored.remote === 'object' ? stored.remote : {}) as Record<string, unknown>;
  const remoteText = (key: Exclude<keyof RemoteAccounts, 'mastodonVisibility'>) => (typeof remote[key] === 'string' ? (remote[key] as string) : '');
  const folders = (stored.generatorFolders && typeof stored.generatorFolders === 'object' ? stored.generatorFolders : {}) as Record<string, unknown>;
  return {
    title: text('title'),
    description: text('description'),
    baseUrl: text('baseUrl'),
    authorName: text('authorName'),
    authorUrl: text('authorUrl'),
    language: text('language'),
    folder: text('folder'),
    generatorFolders: {
      hugo: typeof folders.hugo === 'string' ? folders.hugo : '',
      jekyll: typeof folders.jekyll === 'string' ? folders.jekyll : '',
    },
    remote: {
      micropubSite: remoteText('micropubSite'),
      wordpressSite: remoteText('wordpressSite'),
      wordpressUser: remoteText('wordpressUser'),
      mastodonInstance: remoteText('mastodonInstance'),
      mastodonVisibility: remote.mastodonVisibility === 'unlisted' || remote.mastodonVisibility === 'private' ? remote.mastodonVisibility : 'public',
    },
  };
}

/** `/home/me/site` → `file:///home/me/site/` (each segment percent-encoded; Windows drive paths too). */
export function fileUrlOf(folder: string): string {
  const forward = folder.trim().replace(/\\/g, '/').replace(/\/+$/, '');
  const withRoot = forward.startsWith('/') ? forward : `/${forward}`;
  return `file://${withRoot.split('/').map((segment) => (/^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/')}/`;
}

/** A base address must be absolute http(s) or file; one without a trailing slash gets it (it names a folder). */
export function normalizeBaseUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return undefined;
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function siteSettingsOf(config: SiteConfig): SiteSettings {
  const baseUrl = normalizeBaseUrl(config.baseUrl) || (config.folder.trim() ? fileUrlOf(config.folder) : 'file:///');
  return {
    title: config.title.trim() || defaultSiteConfig.title,
    description: config.description.trim(),
    baseUrl,
    author: { name: config.authorName.trim() || 'Anonymous', ...(config.authorUrl.trim() ? { url: config.authorUrl.trim() } : {}) },
    language: config.language.trim() || 'en',
  };
}
