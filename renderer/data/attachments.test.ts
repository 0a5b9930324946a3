import { describe, expect, it, vi } from 'vitest';
import {
  attachmentPath,
  deleteAttachment,
  extensionForMime,
  getAttachment,
  listAttachments,
  mimeForPath,
  saveAttachment,
  saveAttachments,
} from './attachments';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened), { fixedTime: 1_000 });

const bytes = (...values: number[]) => new Uint8Array(values);

describe('attachmentPath', () => {
  it.each([
    ['attachments/x.png', 'attachments/x.png'],
    ['./attachments/x.png', 'attachments/x.png'],
    ['/a//b/./c.pdf', 'a/b/c.pdf'],
    ['a\\b\\c.pdf', 'a/b/c.pdf'],
    ['Ünïcode folder/файл.png', 'Ünïcode folder/файл.png'],
    ['', undefined],
    ['./', undefined],
    ['../outside.png', undefined],
    ['a/../../b.png', undefined],
  ])('%j → %j', (input, expected) => {
    expect(attachmentPath(input)).toBe(expected);
  });
});

describe('mimeForPath and extensionForMime', () => {
  it.each([
    ['x.png', 'image/png'],
    ['X.JPG', 'image/jpeg'],
    ['doc.pdf', 'application/pdf'],
    ['folder.png/noext', 'application/octet-stream'],
    ['weird.xyz', 'application/octet-stream'],
  ])('%s is %s', (path, mime) => {
    expect(mimeForPath(path)).toBe(mime);
  });

  it.each([
    ['image/png', 'png'],
    ['image/jpeg', 'jpg'],
    ['IMAGE/GIF; charset=x', 'gif'],
    ['application/x-unknown', 'bin'],
  ])('%s → .%s', (mime, extension) => {
    expect(extensionForMime(mime)).toBe(extension);
  });
});

describe('saving and reading attachments', () => {
  it('stores bytes by tidied path, guesses the type and reads them back intact', async () => {
    const stored = await saveAttachment(db, { path: './attachments\\x.png', bytes: bytes(137, 80, 78, 71, 0, 255) });
    expect(stored).toMatchObject({ path: 'attachments/x.png', mime: 'image/png', size: 6, createdAt: 1_000 });
    const read = await getAttachment(db, 'attachments/x.png');
    expect(read?.id).toBe(stored.id);
    expect(Array.from(read!.bytes)).toEqual([137, 80, 78, 71, 0, 255]);
    expect(await getAttachment(db, '../nope')).toBeUndefined();
    expect(await getAttachment(db, 'missing.png')).toBeUndefined();
  });

  it('replaces the bytes of a path saved again, keeping its id and createdAt', async () => {
    const first = await saveAttachment(db, { path: 'a.pdf', bytes: bytes(1) });
    vi.setSystemTime(2_000);
    const again = await saveAttachment(db, { path: 'a.pdf', bytes: bytes(2, 3), mime: 'application/x-custom' });
    expect(again).toMatchObject({ id: first.id, createdAt: 1_000, size: 2, mime: 'application/x-custom' });
    expect(await db.attachments.count()).toBe(1);
    expect(Array.from((await getAttachment(db, 'a.pdf'))!.bytes)).toEqual([2, 3]);
  });

  it('saves many at once; a duplicate path in one call keeps the last bytes under one row', async () => {
    const rows = await saveAttachments(db, [
      { path: 'b/one.png', bytes: bytes(1) },
      { path: 'a/two.gif', bytes: bytes(2) },
      { path: 'b/one.png', bytes: bytes(9, 9) },
    ]);
    expect(rows.map((row) => row.path)).toEqual(['b/one.png', 'a/two.gif', 'b/one.png']);
    expect(rows[0]!.id).toBe(rows[2]!.id);
    const listed = await listAttachments(db);
    expect(listed.map((row) => [row.path, row.size])).toEqual([
      ['a/two.gif', 1],
      ['b/one.png', 2],
    ]);
  });

  it('refuses a path outside the vault and stores nothing of that call', async () => {
    await expect(saveAttachments(db, [{ path: 'ok.png', bytes: bytes(1) }, { path: '../x.png', bytes: bytes(1) }])).rejects.toThrow(
      /not a path inside a vault/,
    );
    expect(await db.attachments.count()).toBe(0);
  });

  it('deletes by path', async () => {
    await saveAttachment(db, { path: 'a.png', bytes: bytes(1) });
    expect(await deleteAttachment(db, './a.png')).toBe(true);
    expect(await deleteAttachment(db, 'a.png')).toBe(false);
    expect(await deleteAttachment(db, '..')).toBe(false);
    expect(await db.attachments.count()).toBe(0);
  });
});
