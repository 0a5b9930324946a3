/**
 * Publishing to a folder: the static site (pages, feeds, blogroll, sitemap) or Markdown for Hugo or Jekyll.
 * The site is always whole: every digest and note published to it is written again from the library, so a
 * post edited after publishing is updated everywhere it appears (its page, the index, tag pages, the feeds).
 * Only files whose content changed are sent and written (SHA-256 compared by the host), and files a removed
 * post left behind are deleted, so a re-export after one edit touches a handful of files.
 */
import type { Digest, EpochMs, Id, Note, Publication } from '../../../../shared/model';
import type { SiteFile, SitePost, SiteSettings } from '../../../../shared/publish/site-model';
import { postPath, siteUrl } from '../../../../shared/publish/feeds/feed-entries';
import { buildSite } from '../../../../shared/publish/site/build-site';
import { slugify, uniqueSlug } from '../../../../shared/publish/site/slug';
import { renderGeneratorSite, type GeneratorKind } from '../../../../shared/publish/markdown/static-generator';
import { titleKey } from '../../../../shared/notes/wiki-link-syntax';
import { publicationsTo, recordPublication, StoreError, type CommonplaceDb, type PublishedRecord } from '../../../data';
import type { HostClient } from '../../../host/host-client';
import { digestPost, findSources, notePost, type PostSlugs } from './site-posts';
import type { SiteConfig } from './site-config';
import { siteSettingsOf } from './site-config';
import { sha256Hex } from './sha256';

export type FolderTarget = 'site' | GeneratorKind;

export interface PublishProgress {
  phase: 'building' | 'comparing' | 'writing' | 'cleaning';
  done: number;
  total: number;
}

export interface FolderPublishResult {
  /** Files written because they were new or changed, and files left as they were. */
  written: number;
  unchanged: number;
  removed: string[];
  /** Where the published post can be read (the static site's page of it), when a record was published. */
  url?: string;
}

/** Keeps each request to the host well under the web host's body limit. */
const maxBatchBytes = 4 * 1024 * 1024;
const hashBatch = 2_000;


interface Member {
  record: PublishedRecord;
  id: Id;
  publication?: Publication;
}

/** The posts a folder target holds: those published to it before, plus the one being published now. */
async function members(db: CommonplaceDb, target: FolderTarget, adding: PublishedRecord | undefined): Promise<Member[]> {
  const rows = await publicationsTo(db, target);
  const list: Member[] = rows.map((row) => (row.digestId !== undefined ? { record: { digestId: row.digestId }, id: row.digestId, publication: row } : { record: { noteId: row.noteId! }, id: row.noteId!, publication: row }));
  if (adding) {
    const id = 'digestId' in adding ? adding.digestId : adding.noteId;
    if (!list.some((member) => member.id === id)) list.push({ record: adding, id });
  }
  return list;
}

/** Everything the folder holds, as posts, with a slug each (kept from the first publication). */
export async function sitePosts(db: CommonplaceDb, target: FolderTarget, site: SiteSettings, adding: PublishedRecord | undefined, now: EpochMs): Promise<SitePost[]> {
  const list = await members(db, target, adding);
  const digestIds = list.filter((member) => 'digestId' in member.record).map((member) => member.id);
  const noteIds = list.filter((member) => 'noteId' in member.record).map((member) => member.id);
  const [digests, notes] = await Promise.all([db.digests.bulkGet(digestIds), db.notes.bulkGet(noteIds)]);
  const digestById = new Map(digests.filter((row): row is Digest => row !== undefined).map((row) => [row.id, row]));
  const noteById = new Map(notes.filter((row): row is Note => row !== undefined).map((row) => [row.id, row]));

  // Slugs: kept once published (links and bookmarks to a post must not break when its title changes).
  const slugById = new Map<Id, string>();
  const taken = new Set<string>();
  for (const member of list) {
    if (member.publication?.remoteId) {
      slugById.set(member.id, member.publication.remoteId);
      taken.add(member.publication.remoteId);
    }
  }
  for (const member of list) {
    if (slugById.has(member.id)) continue;
    const title = digestById.get(member.id)?.title ?? noteById.get(member.id)?.title ?? 'post';
    const slug = uniqueSlug(slugify(title), taken);
    slugById.set(member.id, slug);
    taken.add(slug);
  }
  const noteByTitle = new Map<string, Id>();
  for (const note of noteById.values()) for (const name of [note.title, ...note.aliases]) if (name) noteByTitle.set(titleKey(name), note.id);
  const slugs: PostSlugs = { byId: slugById, noteByTitle };
  const from = await findSources(db, [...digestById.values()]);
  const posts: SitePost[] = [];
  for (const member of list) {
    const slug = slugById.get(member.id)!;
    const publishedAt = member.publication?.publishedAt ?? now;
    const digest = digestById.get(member.id);
    const note = noteById.get(member.id);
    if (digest) posts.push(digestPost(digest, slug, from, slugs, { publishedAt, siteUrl: (target) => siteUrl(site, `posts/${target}.html`) }));
    else if (note) posts.push(notePost(note, slug, slugs, { publishedAt }));
  }
  return posts;
}

/** The files of a folder target, built from the library. */
export async function folderFiles(db: CommonplaceDb, target: FolderTarget, config: SiteConfig, adding: PublishedRecord | undefined, now: EpochMs): Promise<{ files: SiteFile[]; posts: SitePost[] }> {
  const site = siteSettingsOf(config);
  const posts = await sitePosts(db, target, site, adding, now);
  if (target !== 'site') return { files: renderGeneratorSite(target, posts), posts };
  const sources = await db.sources.toArray();
  const blogroll = sources.filter((source) => source.public).map((source) => ({ title: source.title, feedUrl: source.url, ...(source.siteUrl ? { siteUrl: source.siteUrl } : {}) }));
  // The feeds' own date is the newest post's: re-exporting an unchanged site writes nothing.
  const updated = posts.reduce((latest, post) => Math.max(latest, post.updatedAt), 0);
  return { files: buildSite(site, posts, blogroll, { updated }), posts };
}

function batchesBySize(files: readonly SiteFile[]): SiteFile[][] {
  const batches: SiteFile[][] = [];
  let current: SiteFile[] = [];
  let size = 0;
  for (const file of files) {
    const bytes = file.content.length * 2 + file.path.length;
    if (current.length > 0 && (size + bytes > maxBatchBytes || current.length >= 1_000)) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Writes the files into the folder through the host: only what changed, then removes what is gone. */
export async function writeFolder(host: HostClient, folder: string, files: readonly SiteFile[], onProgress?: (progress: PublishProgress) => void): Promise<Omit<FolderPublishResult, 'url'>> {
  const hashed: Array<{ path: string; sha256: string }> = [];
  for (const file of files) hashed.push({ path: file.path, sha256: await sha256Hex(file.content) });
  const changed = new Set<string>();
  for (let at = 0; at < hashed.length; at += hashBatch) {
    onProgress?.({ phase: 'comparing', done: at, total: hashed.length });
    for (const path of (await host.call('site:changed', { folder, files: hashed.slice(at, at + hashBatch) })).changed) changed.add(path);
  }
  const toWrite = files.filter((file) => changed.has(file.path));
  let written = 0;
  for (const batch of batchesBySize(toWrite)) {
    onProgress?.({ phase: 'writing', done: written, total: toWrite.length });
    written += (await host.call('site:write', { folder, files: batch })).written;
  }
  onProgress?.({ phase: 'cleaning', done: written, total: toWrite.length });
  const { removed } = await host.call('site:prune', { folder, keep: files.map((file) => file.path) });
  return { written, unchanged: files.length - written, removed };
}

/**
 * Publishes a digest or note to a folder target (or, with no record, re-exports what the target holds),
 * then records it in the publications log: one row per record and target, updated on every re-publish.
 */
export async function publishToFolder(
  db: CommonplaceDb,
  host: HostClient,
  target: FolderTarget,
  config: SiteConfig,
  record: PublishedRecord | undefined,
  { now = Date.now(), onProgress }: { now?: EpochMs; onProgress?: (progress: PublishProgress) => void } = {},
): Promise<FolderPublishResult> {
  const folder = target === 'site' ? config.folder : config.generatorFolders[target];
  if (!folder.trim()) throw new StoreError('missing-setting', target === 'site' ? 'Choose the output folder for the site first.' : `Choose the folder of your ${target === 'hugo' ? 'Hugo' : 'Jekyll'} site first.`);
  onProgress?.({ phase: 'building', done: 0, total: 1 });
  const { files, posts } = await folderFiles(db, target, config, record, now);
  const result = await writeFolder(host, folder, files, onProgress);
  const site = siteSettingsOf(config);
  let url: string | undefined;
  const previous = new Map((await publicationsTo(db, target)).map((row) => [row.digestId ?? row.noteId, row]));
  const addingId = record === undefined ? undefined : 'digestId' in record ? record.digestId : record.noteId;
  for (const post of posts) {
    const postUrl = target === 'site' ? siteUrl(site, postPath(post)) : undefined;
    if (post.id === addingId) url = postUrl;
    // The log changes only for the post being published and for posts whose published text changed.
    const contentHash = await sha256Hex(JSON.stringify(post));
    if (post.id !== addingId && previous.get(post.id)?.contentHash === contentHash) continue;
    const postRecord: PublishedRecord = post.kind === 'digest' ? { digestId: post.id } : { noteId: post.id };
    await recordPublication(db, postRecord, { target, remoteId: post.slug, contentHash, ...(postUrl ? { url: postUrl } : {}) }, now);
  }
  return { ...result, ...(url ? { url } : {}) };
}
