/**
 * Test support: a host whose site:* calls keep the output folder in memory, with the same rules as the
 * real one (electron/host/site/site-folder.ts): compare by SHA-256, write whole files, prune only what an
 * earlier export listed. Never imported by the app.
 */
import type { HostClient } from '../../../host/host-client';
import { sha256Hex } from './sha256';

export interface FolderHost extends HostClient {
  /** Folder → path → content. */
  folders: Map<string, Map<string, string>>;
  writes: string[];
}


export function folderHost(): FolderHost {
  const folders = new Map<string, Map<string, string>>();
  const listed = new Map<string, string[]>();
  const writes: string[] = [];
  const folderOf = (name: string) => {
    if (!name.startsWith('/')) throw new Error(`The output folder must be a full path (such as /home/you/site), not "${name}".`);
    let files = folders.get(name);
    if (!files) folders.set(name, (files = new Map()));
    return files;
  };
  const call = async (name: string, request: Record<string, unknown>) => {
    switch (name) {
      case 'site:changed': {
        const files = folderOf(request.folder as string);
        const changed: string[] = [];
        for (const file of request.files as Array<{ path: string; sha256: string }>) {
          const existing = files.get(file.path);
          if (existing === undefined || (await sha256Hex(existing)) !== file.sha256) changed.push(file.path);
        }
        return { changed };
      }
      case 'site:write': {
        const files = folderOf(request.folder as string);
        for (const file of request.files as Array<{ path: string; content: string }>) {
          files.set(file.path, file.content);
          writes.push(file.path);
        }
        return { written: (request.files as unknown[]).length };
      }
      case 'site:prune': {
        const folder = request.folder as string;
        const files = folderOf(folder);
        const keep = new Set(request.keep as string[]);
        const removed = (listed.get(folder) ?? []).filter((path) => !keep.has(path));
        for (const path of removed) files.delete(path);
        listed.set(folder, [...keep]);
        return { removed };
      }
      default:
        throw new Error(`The folder host does not answer ${name}`);
    }
  };
  return { transport: 'http', folders, writes, call: call as unknown as HostClient['call'] };
}
