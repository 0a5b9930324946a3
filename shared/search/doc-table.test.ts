import { describe, expect, it } from 'vitest';
import { DocTable } from './doc-table';

describe('DocTable', () => {
  it('keeps what filters and hits need, each distinct set of names once', () => {
    const table = new DocTable();
    const a = table.append({ id: 'a', kind: 'item', title: 'A', body: 'not kept', date: 5, sourceTitles: ['Feed'], folders: ['News'], starred: true, unread: true, hasArticle: true });
    const b = table.append({ id: 'b', kind: 'item', title: 'B', body: 'not kept', date: 6, sourceTitles: ['Feed'], folders: ['News'] });
    const c = table.append({ id: 'c', kind: 'note', title: 'C', body: '', date: 7, tags: ['area/topic'], later: true });
    expect(table.meta(a)).toMatchObject({ kind: 'item', date: 5, sourceTitles: ['Feed'], folders: ['News'], starred: true, unread: true, later: false });
    expect(table.meta(c)).toMatchObject({ kind: 'note', date: 7, tags: ['area/topic'], later: true, starred: false });
    expect(table.summary(a)).toEqual({ id: 'a', kind: 'item', title: 'A', date: 5, hasArticle: true });
    expect(table.summary(b).hasArticle).toBe(false);
    const { columns } = table.compacted();
    expect(columns.facetTable).toHaveLength(3); // none, the feed's, the note's tags
    expect(JSON.stringify(columns)).not.toContain('not kept');
  });

  it('removes by number, renumbers the living on compaction and drops names no one uses', () => {
    const table = new DocTable();
    table.append({ id: 'a', kind: 'note', title: 'A', body: '', date: 1, tags: ['gone'] });
    table.append({ id: 'b', kind: 'note', title: 'B', body: '', date: 2 });
    table.append({ id: 'c', kind: 'highlight', title: 'C', body: '', date: 3 });
    table.remove(table.numberOf('a')!);
    table.remove(0); // twice is harmless
    expect(table.size).toBe(2);
    expect(table.numberOf('a')).toBeUndefined();
    expect(table.liveIds().sort()).toEqual(['b', 'c']);
    const { columns, renumber } = table.compacted();
    expect([...renumber]).toEqual([-1, 0, 1]);
    expect(columns.ids).toEqual(['b', 'c']);
    expect(columns.facetTable).toEqual([{}]);
    const loaded = new DocTable(columns);
    expect(loaded.numberOf('c')).toBe(1);
    expect(loaded.kind(1)).toBe('highlight');
    expect(loaded.append({ id: 'd', kind: 'note', title: 'D', body: '', date: 4 })).toBe(2);
  });
});
