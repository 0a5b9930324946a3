/**
 * Attachments: files that came with an imported vault (images, PDFs…), stored by their path in the
 * vault so an export writes them back where the notes' links expect them, and so a note's image can
 * find its bytes. One row per path: saving a path again replaces its bytes (keeping its id).
 */
import type { Attachment } from '../../shared/model';
import type { CommonplaceDb } from './db';

export interface NewAttachment {
  /** Relative to the vault's root; '\' and leading './' or '/' are tidied to the '/' form stored. */
  path: string;
  bytes: Uint8Array;
  /** Guessed from the extension when absent. */
  mime?: string;
}

/** The media types a vault commonly carries; anything else is stored as opaque bytes. */
const mimeByExtension: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  canvas: 'application/json',
  html: 'text/html',
  zip: 'application/zip',
};

export function mimeForPath(path: string): string {
  const dot = path.lastIndexOf('.');
  const extension = dot === -1 || dot < path.lastIndexOf('/') ? '' : path.slice(dot + 1).toLowerCase();
  return mimeByExtension[extension] ?? 'application/octet-stream';
}

/** The file extension usual for a media type (the reverse of mimeForPath), 'bin' when unknown. */
export function extensionForMime(mime: string): string {
  const wanted = mime.toLowerCase().split(';')[0]!.trim();
  if (wanted === 'image/jpeg') return 'jpg';
  for (const [extension, type] of Object.entries(mimeByExtension)) if (type === wanted) return extension;
  return 'bin';
}

/**
 * The stored form of a vault path: '/' separators, no leading './' or '/', no empty or '.' segments.
 * Undefined for a path that is empty or climbs out of the vault ('..'), which no vault file may do.
 */
export function attachmentPath(path: string): string | undefined {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return segments.join('/');
}

function invalidPath(path: string): Error {
  return new RangeError(`“${path}” is not a path inside a vault.`);
}

/**
 * Stores several files in one transaction, replacing the bytes of paths already stored (their id and
 * createdAt stay). Returns the rows as stored, in the order given; a later duplicate path wins.
 */
export async function saveAttachments(db: CommonplaceDb, files: readonly NewAttachment[]): Promise<Attachment[]> {
  const paths = files.map((file) => {
    const path = attachmentPath(file.path);
    if (path === undefined) throw invalidPath(file.path);
    return path;
  });
  return db.transaction('rw', db.attachments, async () => {
    const existing = await db.attachments.where('path').anyOf(paths).toArray();
    const byPath = new Map(existing.map((row) => [row.path, row]));
    const now = Date.now();
    const rows = files.map((file, index): Attachment => {
      const path = paths[index]!;
      const before = byPath.get(path);
      const row: Attachment = {
        id: before?.id ?? crypto.randomUUID(),
        path,
        mime: file.mime ?? mimeForPath(path),
        bytes: file.bytes,
        size: file.bytes.byteLength,
        createdAt: before?.createdAt ?? now,
      };
      byPath.set(path, row);
      return row;
    });
    // Only the last row per path is written, so a duplicate path in one call cannot break `&path`.
    await db.attachments.bulkPut([...new Map(rows.map((row) => [row.path, row])).values()]);
    return rows.map((row) => byPath.get(row.path)!);
  });
}

export async function saveAttachment(db: CommonplaceDb, file: NewAttachment): Promise<Attachment> {
  const [row] = await saveAttachments(db, [file]);
  return row!;
}

export async function getAttachment(db: CommonplaceDb, path: string): Promise<Attachment | undefined> {
  const clean = attachmentPath(path);
  return clean === undefined ? undefined : db.attachments.where('path').equals(clean).first();
}

/** Every attachment, ordered by path (served by the `path` index). */
export async function listAttachments(db: CommonplaceDb): Promise<Attachment[]> {
  return db.attachments.orderBy('path').toArray();
}

/** Removes the file at `path`; false when there was none. */
export async function deleteAttachment(db: CommonplaceDb, path: string): Promise<boolean> {
  const clean = attachmentPath(path);
  if (clean === undefined) return false;
  return (await db.attachments.where('path').equals(clean).delete()) > 0;
}
