import { describe, expect, test } from 'vitest';
import { normalizeVaultPath, noteFileName, uniqueFileNames } from './vault-paths';

describe('noteFileName', () => {
  test.each<[string, string, string]>([
    ['plain', 'My Note', 'My Note'],
    ['empty', '', 'Untitled'],
    ['only unsafe characters', '???', 'Untitled'],
    ['separators become hyphens', 'Time: 10/11 a\\b x|y', 'Time- 10-11 a-b x-y'],
    ['other unsafe characters become spaces', 'a*b"c<d>e?f#g^h[i]j', 'a b c d e f g h i j'],
    ['control characters', 'a\u0000b\tc\nd\u007fe', 'a b c d e'],
    ['spaces collapsed and trimmed', '  a    b  ', 'a b'],
    ['leading and trailing dots trimmed', '..hidden.', 'hidden'],
    ['inner dots kept', 'v1.2 notes', 'v1.2 notes'],
    ['reserved names changed', 'CON', 'CON-'],
    ['reserved names in any case', 'lpt1', 'lpt1-'],
    ['reserved with an extension', 'aux.txt', 'aux-.txt'],
    ['a reserved word inside a longer name is fine', 'Console', 'Console'],
    ['Unicode kept', 'Café 日本 🌍', 'Café 日本 🌍'],
    ['NFC normalised', 'Cafe\u0301', 'Café'],
  ])('%s', (_name, title, expected) => {
    expect(noteFileName(title)).toBe(expected);
  });

  test.each<[string, string]>([
    ['long ASCII', 'word '.repeat(60)],
    ['long with emoji at the cut', 'a'.repeat(119) + '🌍🌍'],
    ['long with a space at the cut', 'a'.repeat(119) + ' b'.repeat(10)],
  ])('at most 120 characters: %s', (_name, title) => {
    const name = noteFileName(title);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.length).toBeGreaterThan(100);
    expect(name).toBe(name.trim());
    expect(name).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});

describe('uniqueFileNames', () => {
  test.each<[string, string[], string[]]>([
    ['no collisions', ['a', 'b'], ['a', 'b']],
    ['case-insensitive collisions numbered in order', ['Note', 'note', 'NOTE'], ['Note', 'note 2', 'NOTE 3']],
    ['a number already taken is skipped', ['Note', 'Note', 'Note 2'], ['Note', 'Note 3', 'Note 2']],
    ['empty', [], []],
  ])('%s', (_name, names, expected) => {
    const result = uniqueFileNames(names);
    expect(result).toEqual(expected);
    expect(new Set(result.map((name) => name.toLowerCase())).size).toBe(result.length);
  });
});

describe('normalizeVaultPath', () => {
  test.each<[string, string | undefined]>([
    ['notes/a.md', 'notes/a.md'],
    ['./notes/a.md', 'notes/a.md'],
    ['/notes/a.md', 'notes/a.md'],
    ['notes\\sub\\a.md', 'notes/sub/a.md'],
    ['notes//a.md', 'notes/a.md'],
    ['notes/./a.md', 'notes/a.md'],
    ['notes/../a.md', 'a.md'],
    ['notes/', 'notes'],
    ['', ''],
    ['../a.md', undefined],
    ['notes/../../a.md', undefined],
    ['C:/vault/a.md', undefined],
    ['c:\\a.md', undefined],
    ['\\\\server\\share\\a.md', undefined],
  ])('%s → %s', (path, expected) => {
    expect(normalizeVaultPath(path)).toBe(expected);
  });
});
