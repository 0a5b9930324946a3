/** What part of the library the river shows: everything, one folder, one tag, or one source. */
import type { Id, Source } from '../../../shared/model';

export type RiverScope = { kind: 'all' } | { kind: 'folder'; folder: string } | { kind: 'tag'; tag: string } | { kind: 'source'; id: Id };

/** The source ids a scope covers; undefined means "no narrowing" (all items). */
export function scopeSourceIds(scope: RiverScope, sources: readonly Source[]): Id[] | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'source') return [scope.id];
  if (scope.kind === 'tag') return sources.filter((source) => source.tags.includes(scope.tag)).map((source) => source.id);
  return sources.filter((source) => source.folder === scope.folder).map((source) => source.id);
}

export function sameScope(a: RiverScope, b: RiverScope): boolean {
  if (a.kind === 'all' || b.kind === 'all') return a.kind === b.kind;
  if (a.kind === 'folder' && b.kind === 'folder') return a.folder === b.folder;
  if (a.kind === 'tag' && b.kind === 'tag') return a.tag === b.tag;
  if (a.kind === 'source' && b.kind === 'source') return a.id === b.id;
  return false;
}

export function scopeTitle(scope: RiverScope, sources: readonly Source[]): string {
  if (scope.kind === 'all') return 'All items';
  if (scope.kind === 'folder') return scope.folder;
  if (scope.kind === 'tag') return scope.tag;
  return sources.find((source) => source.id === scope.id)?.title ?? 'Unknown source';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface FolderGroup {
  /** undefined: sources in no folder, listed first. */
  folder: string | undefined;
  sources: Source[];
}

/** Sources grouped by folder: unfiled first, then folders by name; sources keep the given order. */
export function groupByFolder(sources: readonly Source[]): FolderGroup[] {
  const byFolder = new Map<string, Source[]>();
  const unfiled: Source[] = [];
  for (const source of sources) {
    if (!source.folder) unfiled.push(source);
    else byFolder.set(source.folder, [...(byFolder.get(source.folder) ?? []), source]);
  }
  const folders = [...byFolder.keys()].sort(collator.compare).map((folder) => ({ folder, sources: byFolder.get(folder)! }));
  return unfiled.length > 0 ? [{ folder: undefined, sources: unfiled }, ...folders] : folders;
}

export interface TagGroup {
  tag: string;
  sources: Source[];
}

/** Every tag some source carries, by name, with its sources; a tag no source carries is not listed. */
export function groupByTag(sources: readonly Source[]): TagGroup[] {
  const byTag = new Map<string, Source[]>();
  for (const source of sources) {
    for (const tag of new Set(source.tags)) byTag.set(tag, [...(byTag.get(tag) ?? []), source]);
  }
  return [...byTag.keys()].sort(collator.compare).map((tag) => ({ tag, sources: byTag.get(tag)! }));
}
