/**
 * Every note as a Markdown vault that Obsidian opens: a zip with `<folder>/<file name>.md` per note,
 * YAML front matter (the title when the file name could not hold it, aliases, then the note's own
 * front matter as imported), the doc as Markdown, and the attachments at their paths.
 *
 * File names are unique across the whole vault, not only per folder, so every `[[file name]]` means
 * one note to Obsidian. Wiki links are written so Obsidian resolves them: by file name when that differs
 * from the title (the title shown as the label), and a link by alias as `[[file name|alias]]`, since
 * Obsidian resolves links by file name only. Pasted images (data: URLs) are written as files under
 * `attachments/` (the attachment itself when the same bytes are already there) and linked relatively.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Attachment, DocNode, JsonValue, Note } from '../../../../shared/model';
import { wikiLinkNodeName } from '../../../../shared/notes/doc-nodes';
import { stringifyFrontMatter } from '../../../../shared/notes/front-matter';
import { noteFileName, uniqueFileNames } from '../../../../shared/notes/vault-paths';
import { titleKey } from '../../../../shared/notes/wiki-link-syntax';
import { extensionForMime, listAttachments, type CommonplaceDb } from '../../../data';
import { docToMarkdown } from '../../../editor';
import { dataUrlToBytes } from './data-url';
import { mapDocNodes, mapDocNodesAsync } from './doc-walk';
import { encodeMarkdownPath, exportFolder, relativeFrom } from './vault-paths';

export interface ExportVaultOptions {
  onProgress?: (done: number, total: number) => void;
}

/** `Commonplace vault 2026-11-22.zip`, in the person's own calendar. */
export function vaultZipName(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `Commonplace vault ${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`;
}

interface Placed {
  note: Note;
  folder: string;
  fileName: string;
}

/** Where each note goes; older notes keep the plain name when two titles make the same file name. */
function placeNotes(notes: readonly Note[]): Placed[] {
  const ordered = [...notes].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const names = uniqueFileNames(ordered.map((note) => noteFileName(note.title)));
  return ordered.map((note, index) => ({ note, folder: exportFolder(note.folder), fileName: names[index]! }));
}

/** Title and alias keys → the note they name, a title beating an alias and the oldest alias winning, as in the app. */
function resolver(placed: readonly Placed[]): (target: string) => { entry: Placed; viaAlias: boolean } | undefined {
  const byTitle = new Map<string, Placed>();
  const byAlias = new Map<string, Placed>();
  for (const entry of placed) {
    const key = titleKey(entry.note.title);
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, entry);
    for (const alias of entry.note.aliases) if (!byAlias.has(titleKey(alias))) byAlias.set(titleKey(alias), entry);
  }
  return (target) => {
    const key = titleKey(target);
    const entry = byTitle.get(key);
    if (entry) return { entry, viaAlias: false };
    const aliased = byAlias.get(key);
    return aliased ? { entry: aliased, viaAlias: true } : undefined;
  };
}

function linksForObsidian(doc: DocNode, resolve: ReturnType<typeof resolver>): DocNode {
  return mapDocNodes(doc, (node) => {
    const target = node.attrs?.target;
    if (node.type !== wikiLinkNodeName || typeof target !== 'string') return node;
    const found = resolve(target);
    if (!found) return node;
    const { fileName } = found.entry;
    // Obsidian matches file names ignoring case, so `[[ideas]]` already finds Ideas.md.
    if (!found.viaAlias && fileName.toLowerCase() === target.trim().toLowerCase()) return node;
    const label = typeof node.attrs?.label === 'string' && node.attrs.label !== '' ? node.attrs.label : target;
    return { ...node, attrs: { ...node.attrs, target: fileName, label } };
  });
}

async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let index = 0; index < a.byteLength; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** Pasted images → files: an attachment with the same bytes is reused, else `attachments/<sha-256>.<ext>`. */
class ImageFiles {
  readonly added = new Map<string, Uint8Array>();
  private readonly bySize = new Map<number, Array<{ path: string; bytes: Uint8Array }>>();
  private counter = 0;

  constructor(attachments: readonly Attachment[], private readonly taken: Set<string>) {
    for (const attachment of attachments) this.remember(attachment.path, attachment.bytes);
  }

  private remember(path: string, bytes: Uint8Array): void {
    const list = this.bySize.get(bytes.byteLength) ?? [];
    list.push({ path, bytes });
    this.bySize.set(bytes.byteLength, list);
  }

  async pathFor(bytes: Uint8Array, mime: string): Promise<string> {
    const same = this.bySize.get(bytes.byteLength)?.find((file) => sameBytes(file.bytes, bytes));
    if (same) return same.path;
    const name = (await sha256Hex(bytes))?.slice(0, 16) ?? `image-${++this.counter}`;
    let path = `attachments/${name}.${extensionForMime(mime)}`;
    for (let suffix = 2; this.taken.has(path.toLowerCase()); suffix += 1) path = `attachments/${name}-${suffix}.${extensionForMime(mime)}`;
    this.taken.add(path.toLowerCase());
    this.added.set(path, bytes);
    this.remember(path, bytes);
    return path;
  }
}

function frontMatterOf({ note, fileName }: Placed): Record<string, JsonValue> {
  const data: Record<string, JsonValue> = {};
  if (fileName !== note.title) data.title = note.title;
  if (note.aliases.length > 0) data.aliases = [...note.aliases];
  for (const [key, value] of Object.entries(note.frontMatter ?? {})) {
    if (key === 'aliases' || (key === 'title' && 'title' in data)) continue;
    data[key] = value;
  }
  return data;
}

/** A zip can only record times from 1980 to 2099; outside them the entry gets the time of writing. */
function zipTime(ms: number): Date | undefined {
  const year = new Date(ms).getUTCFullYear();
  return year >= 1980 && year <= 2098 ? new Date(ms) : undefined;
}

/** Already-compressed formats are stored as they are; deflating them again costs time and saves nothing. */
const storedAsIs = /\.(png|jpe?g|gif|webp|avif|pdf|zip|mp3|mp4|m4a|ogg|webm|mov)$/i;

export async function exportVault(db: CommonplaceDb, options: ExportVaultOptions = {}): Promise<Uint8Array> {
  // Every note, not a page of them: listNotes serves the sidebar and stops at a limit.
  const notes = await db.notes.toArray();
  const attachments = await listAttachments(db);
  const total = notes.length + attachments.length;
  const placed = placeNotes(notes);
  const resolve = resolver(placed);
  const entries: Zippable = {};
  const usedPaths = new Set<string>();
  const notePath = ({ folder, fileName }: Placed) => (folder === '' ? `${fileName}.md` : `${folder}/${fileName}.md`);
  for (const entry of placed) usedPaths.add(notePath(entry).toLowerCase());
  for (const attachment of attachments) usedPaths.add(attachment.path.toLowerCase());
  const images = new ImageFiles(attachments, usedPaths);
  const encoder = new TextEncoder();

  let done = 0;
  for (const entry of placed) {
    const linked = linksForObsidian(entry.note.doc, resolve);
    const doc = await mapDocNodesAsync(linked, async (node) => {
      const src = node.attrs?.src;
      if (node.type !== 'image' || typeof src !== 'string') return node;
      const decoded = dataUrlToBytes(src);
      if (!decoded) return node;
      const path = await images.pathFor(decoded.bytes, decoded.mime);
      return { ...node, attrs: { ...node.attrs, src: encodeMarkdownPath(relativeFrom(entry.folder, path)) } };
    });
    const body = docToMarkdown(doc);
    const markdown = stringifyFrontMatter(frontMatterOf(entry), body.endsWith('\n') ? body : `${body}\n`);
    entries[notePath(entry)] = [encoder.encode(markdown), { level: 6, mtime: zipTime(entry.note.updatedAt) }];
    done += 1;
    if (done % 100 === 0) options.onProgress?.(done, total);
  }
  const notePaths = new Set(placed.map((entry) => notePath(entry).toLowerCase()));
  for (const attachment of attachments) {
    // A note's file wins over an attachment stored under the same name.
    if (!notePaths.has(attachment.path.toLowerCase())) {
      entries[attachment.path] = [attachment.bytes, { level: storedAsIs.test(attachment.path) ? 0 : 6, mtime: zipTime(attachment.createdAt) }];
    }
    done += 1;
  }
  for (const [path, bytes] of images.added) entries[path] = [bytes, { level: storedAsIs.test(path) ? 0 : 6 }];
  options.onProgress?.(done, total);
  return zipSync(entries);
}
