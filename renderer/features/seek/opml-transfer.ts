/** OPML in and out, without UI: read a file into the library, and write the library as a download. */
import type { Id } from '../../../shared/model';
import { importSubscriptions, listSources, sourcesToSubscriptions, type CommonplaceDb, type ImportSkip } from '../../data';
import type { SeekPipeline } from './pipeline';
import { downloadFile } from '../../ui/download';

export interface OpmlImportReport {
  addedIds: Id[];
  skipped: ImportSkip[];
}

export async function importOpmlText(db: CommonplaceDb, pipeline: Pick<SeekPipeline, 'parseOpml'>, text: string): Promise<OpmlImportReport> {
  const parsed = pipeline.parseOpml(text);
  const result = await importSubscriptions(db, parsed.subscriptions);
  return { addedIds: result.added.map((source) => source.id), skipped: [...parsed.skipped, ...result.skipped] };
}

const reasonWords: Readonly<Record<string, string>> = {
  'invalid-url': 'invalid URL',
  'unsupported-type': 'not a feed',
};

export function skipReasonWords(reason: string): string {
  return reasonWords[reason] ?? reason;
}

/** "Imported 97 feeds, skipped 3 (duplicate, invalid URL)". */
export function describeImport(report: OpmlImportReport): string {
  const added = report.addedIds.length;
  const imported = `Imported ${added} ${added === 1 ? 'feed' : 'feeds'}`;
  if (report.skipped.length === 0) return `${imported}.`;
  const reasons = [...new Set(report.skipped.map((skip) => reasonWords[skip.reason] ?? skip.reason))].join(', ');
  return `${imported}, skipped ${report.skipped.length} (${reasons}).`;
}

const folderOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A chosen file's text. Blob.text() where the browser has it (all current ones), else FileReader. */
export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export const exportFileName = 'commonplace-subscriptions.opml';

export async function exportOpmlText(db: CommonplaceDb, pipeline: Pick<SeekPipeline, 'writeOpml'>, now = new Date()): Promise<string> {
  // Grouped by folder (unfiled first), so each folder is written as one outline.
  const sources = (await listSources(db)).sort((a, b) => folderOrder.compare(a.folder ?? '', b.folder ?? ''));
  return pipeline.writeOpml({ title: 'Commonplace subscriptions', dateCreated: now, subscriptions: sourcesToSubscriptions(sources) });
}

/** Hands OPML text to the browser as a file download (Electron shows its save dialog for it). */
export function downloadText(text: string, fileName: string, type = 'text/x-opml', doc: Document = document): void {
  downloadFile(text, fileName, type, doc);
}
