/**
 * A Markdown vault (Obsidian's layout) into Commonplace: every .md file becomes a note, every other
 * file an attachment kept at its path. Front matter `aliases` become the note's aliases, the rest is
 * kept as the note's front matter (its `tags` count as tags); the body becomes the note's doc.
 *
 * Names: a note is titled after its file, unless its front matter's `title:` is what the file name
 * was made from (the exporter writes it when a title holds characters a file name cannot). A title
 * that a note already in Commonplace has is reported and skipped, never overwritten, so importing the
 * same vault twice duplicates nothing; two files of the vault with the same name in different folders
 * are both kept, the later one (by path) suffixed ' 2', and reported.
 *
 * Links: all notes are stored in one transaction and their links resolved among them (data/notes-bulk.ts,
 * which does what createNote does for each), so the order of files does not matter; links that notes
 * already in Commonplace wrote to the new titles now reach them. Links by path (`[[folder/Note]]`,
 * `[[Note.md]]`) and by file name where the title differs are pointed at the note's title.
 */
import type { DocNode, JsonValue } from '../../../../shared/model';
import { wikiLinkNodeName } from '../../../../shared/notes/doc-nodes';
import { frontMatterList, parseFrontMatter } from '../../../../shared/notes/front-matter';
import { noteFileName } from '../../../../shared/notes/vault-paths';
import { titleKey } from '../../../../shared/notes/wiki-link-syntax';
import { createNotesInBulk, emptyDoc, mimeForPath, saveAttachments, type CommonplaceDb, type NewNote } from '../../../data';
import { markdownToDoc } from '../../../editor';
import { bytesToDataUrl } from './data-url';
import { mapDocNodes } from './doc-walk';
import { rewriteImageSources } from './markdown-images';
import { decodeNoteBytes } from './note-text';
import type { VaultFile } from './vault-files';
import { candidatePaths, isNotePath, splitNotePath } from './vault-paths';
import type { ImportReport } from './vault-report';

export interface ImportVaultOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Images up to this size are put inside the note as data: URLs (as a pasted image would be). */
export const maxInlineImageBytes = 10 * 1024 * 1024;

interface PlannedNote {
  path: string;
  folder: string;
  stem: string;
  title: string;
  aliases: string[];
  frontMatter: Record<string, JsonValue> | undefined;
  body: string;
}

const byPath = (a: { path: string }, b: { path: string }) => a.path.split('/').length - b.path.split('/').length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Is `stem` the file name the exporter makes from `title` (possibly suffixed ' 2' by uniqueFileNames)? */
function isFileNameOf(stem: string, title: string): boolean {
  const made = noteFileName(title).toLowerCase();
  const name = stem.toLowerCase();
  return name === made || (name.startsWith(`${made} `) && /^\d+$/.test(name.slice(made.length + 1)));
}

const frontMatterBlock = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Front matter that is not valid YAML, kept word for word as a fenced `yaml` code block at the top of
 * the note: read as Markdown, its `---` lines would become a rule and a heading and the text would change.
 */
export function fenceBrokenFrontMatter(text: string): string {
  const block = frontMatterBlock.exec(text);
  if (!block) return text;
  const yaml = block[1] ?? '';
  const longestRun = Math.max(2, ...Array.from(yaml.matchAll(/`+/g), (run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}yaml\n${yaml}\n${fence}\n\n${text.slice(block[0].length)}`;
}

/** Reads one .md file into a planned note (title not yet made unique), or says why it cannot. */
function planNote(file: VaultFile, report: ImportReport): PlannedNote | undefined {
  const decoded = decodeNoteBytes(file.bytes);
  if (decoded.kind === 'binary') {
    report.skipped.push({ path: file.path, reason: 'binary' });
    return undefined;
  }
  if (decoded.replaced) {
    report.problems.push({ path: file.path, message: 'Some characters were not UTF-8 text; they were replaced with “�”.' });
  }
  const { data, body: parsedBody, error } = parseFrontMatter(decoded.text);
  if (error) report.problems.push({ path: file.path, message: error });
  const body = error ? fenceBrokenFrontMatter(parsedBody) : parsedBody;
  const { folder, stem } = splitNotePath(file.path);
  const { aliases, title: writtenTitle, ...rest } = data;
  const frontMatter: Record<string, JsonValue> = { ...rest };
  let title = stem;
  if (typeof writtenTitle === 'string' && writtenTitle !== stem && isFileNameOf(stem, writtenTitle)) title = writtenTitle;
  else if (writtenTitle !== undefined) frontMatter.title = writtenTitle;
  // `title` goes back where it was among the keys, so an export writes the same front matter.
  const ordered = Object.fromEntries(Object.keys(data).filter((key) => key in frontMatter).map((key) => [key, frontMatter[key]!]));
  return {
    path: file.path,
    folder,
    stem,
    title,
    aliases: frontMatterList(aliases),
    frontMatter: Object.keys(ordered).length > 0 ? ordered : undefined,
    body,
  };
}

/**
 * Makes titles unique: taken in Commonplace → skipped; taken earlier in this vault → suffixed.
 * Untitled notes ('') may repeat, as in the app.
 */
function assignTitles(planned: PlannedNote[], existing: Set<string>, report: ImportReport): PlannedNote[] {
  const used = new Set<string>();
  const kept: PlannedNote[] = [];
  for (const note of planned) {
    const key = titleKey(note.title);
    if (key !== '' && existing.has(key)) {
      report.skipped.push({ path: note.path, reason: 'title-taken' });
      continue;
    }
    if (key !== '' && used.has(key)) {
      let counter = 2;
      while (used.has(titleKey(`${note.title} ${counter}`)) || existing.has(titleKey(`${note.title} ${counter}`))) counter += 1;
      const renamed = `${note.title} ${counter}`;
      report.problems.push({ path: note.path, message: `Another note in the vault has the same name, so this one is called “${renamed}”.` });
      note.title = renamed;
    }
    used.add(titleKey(note.title));
    kept.push(note);
  }
  return kept;
}

/** Link keys that are not a title (paths, file names with `.md`, file names of retitled notes) → the title meant. */
function linkTargets(notes: readonly PlannedNote[]): { titles: Set<string>; aliases: Map<string, string> } {
  const titles = new Set(notes.map((note) => titleKey(note.title)));
  const aliases = new Map<string, string>();
  const claim = (name: string, title: string) => {
    const key = titleKey(name);
    if (!aliases.has(key)) aliases.set(key, title);
  };
  for (const note of notes) {
    const withoutExtension = note.path.replace(/\.(md|markdown)$/i, '');
    for (const name of [withoutExtension, note.path, note.stem, `${note.stem}.md`]) claim(name, note.title);
  }
  return { titles, aliases };
}

function pointLinksAtTitles(doc: DocNode, targets: ReturnType<typeof linkTargets>): DocNode {
  return mapDocNodes(doc, (node) => {
    const target = node.attrs?.target;
    if (node.type !== wikiLinkNodeName || typeof target !== 'string') return node;
    const key = titleKey(target);
    const title = targets.titles.has(key) ? undefined : targets.aliases.get(key);
    if (title === undefined || title === target) return node;
    // The exporter writes `[[file name|Title]]`; back here the label says nothing the target does not.
    const label = node.attrs?.label === title ? null : (node.attrs?.label ?? null);
    return { ...node, attrs: { ...node.attrs, target: title, label } };
  });
}

/** Plain paragraphs of the text, for a body the Markdown reader could not take. */
function plainDoc(text: string): DocNode {
  const paragraphs = text.split(/\n{2,}/).filter((part) => part.trim() !== '');
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs.map((part) => ({ type: 'paragraph', content: [{ type: 'text', text: part }] })) : [{ type: 'paragraph' }] };
}

export async function importVault(db: CommonplaceDb, files: readonly VaultFile[], options: ImportVaultOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { notes: 0, attachments: 0, skipped: [], problems: [] };
  const total = files.length;
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };
  const noteFiles = files.filter((file) => isNotePath(file.path)).sort(byPath);
  const otherFiles = files.filter((file) => !isNotePath(file.path));

  // Attachments first, in transactions of bounded size: notes never point at a file not stored yet.
  const attachmentsByPath = new Map(otherFiles.map((file) => [file.path, file]));
  for (let start = 0; start < otherFiles.length; ) {
    const batch: VaultFile[] = [];
    let bytes = 0;
    while (start < otherFiles.length && (batch.length === 0 || (bytes < 32 * 1024 * 1024 && batch.length < 200))) {
      const file = otherFiles[start++]!;
      batch.push(file);
      bytes += file.bytes.byteLength;
    }
    try {
      await saveAttachments(db, batch);
      report.attachments += batch.length;
    } catch {
      for (const file of batch) report.skipped.push({ path: file.path, reason: 'not-stored' });
    }
    progress(batch.length);
  }

  const existing = new Set((await db.notes.orderBy('title').keys()).map((key) => titleKey(String(key))));
  const planned = noteFiles.map((file) => planNote(file, report)).filter((note): note is PlannedNote => note !== undefined);
  progress(noteFiles.length - planned.length);
  const notes = assignTitles(planned, existing, report);
  progress(planned.length - notes.length);
  const targets = linkTargets(notes);

  const toNewNote = (note: PlannedNote): NewNote => {
    const body = rewriteImageSources(note.body, ({ src }) => {
      for (const path of candidatePaths(note.folder, src)) {
        const file = attachmentsByPath.get(path);
        if (!file) continue;
        const mime = mimeForPath(path);
        if (!mime.startsWith('image/')) return undefined;
        if (file.bytes.byteLength > maxInlineImageBytes) {
          report.problems.push({ path: note.path, message: `The image “${path}” is over 10 MB, so the note shows its address instead.` });
          return undefined;
        }
        return bytesToDataUrl(file.bytes, mime);
      }
      return undefined;
    });
    let doc: DocNode;
    try {
      const parsed = markdownToDoc(body);
      // An empty file parses to a doc with no blocks, which the editor's schema does not allow.
      doc = pointLinksAtTitles((parsed.content ?? []).length > 0 ? parsed : emptyDoc(), targets);
    } catch {
      report.problems.push({ path: note.path, message: 'The Markdown could not be read, so the note holds it as plain text.' });
      doc = plainDoc(note.body);
    }
    const input: NewNote = { title: note.title, doc, aliases: note.aliases };
    if (note.frontMatter) input.frontMatter = note.frontMatter;
    if (note.folder !== '') input.folder = note.folder;
    return input;
  };

  // Reading Markdown is the slow part and runs outside any transaction, yielding now and then so the
  // page can show progress; the notes are then stored together, links resolved among them in memory.
  const inputs: NewNote[] = [];
  for (const [index, note] of notes.entries()) {
    inputs.push(toNewNote(note));
    if ((index + 1) % 50 === 0) {
      progress(50);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  const converted = notes.length - (notes.length % 50);
  try {
    const { created, refused } = await createNotesInBulk(db, inputs);
    report.notes += created.length;
    for (const index of refused) report.skipped.push({ path: notes[index]!.path, reason: 'title-taken' });
  } catch {
    for (const note of notes) report.skipped.push({ path: note.path, reason: 'not-stored' });
  }
  progress(notes.length - converted);
  return report;
}
