import { describe, expect, it } from 'vitest';
import { rewriteImageSources } from './markdown-images';
import { decodeNoteBytes } from './note-text';
import { describeImport } from './vault-report';
import { candidatePaths, encodeMarkdownPath, exportFolder, relativeFrom, splitNotePath } from './vault-paths';
import { fenceBrokenFrontMatter } from './vault-import';

describe('rewriteImageSources', () => {
  const upper = (markdown: string) => rewriteImageSources(markdown, ({ src }) => (src.startsWith('http') ? undefined : src.toUpperCase()));
  it.each([
    ['![a](x.png)', '![a](X.PNG)'],
    ['text ![a b](dir/x.png "a title") text', 'text ![a b](DIR/X.PNG "a title") text'],
    ['![](<my pic.png>)', '![](MY PIC.PNG)'],
    ['![web](https://e.com/x.png)', '![web](https://e.com/x.png)'],
    ['[not an image](x.png)', '[not an image](x.png)'],
    ['`![code](x.png)` and ![real](y.png)', '`![code](x.png)` and ![real](Y.PNG)'],
    ['```\n![fenced](x.png)\n```\n![after](y.png)', '```\n![fenced](x.png)\n```\n![after](Y.PNG)'],
    ['~~~md\n![fenced](x.png)\n', '~~~md\n![fenced](x.png)\n'],
    ['![esc \\] aped](x.png)', '![esc \\] aped](X.PNG)'],
  ])('%j → %j', (input, expected) => {
    expect(upper(input)).toBe(expected);
  });
});

describe('decodeNoteBytes', () => {
  const enc = (text: string) => new TextEncoder().encode(text);
  it.each([
    ['UTF-8', enc('café #tag'), { kind: 'text', text: 'café #tag', replaced: false }],
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('x')]), { kind: 'text', text: 'x', replaced: false }],
    ['Latin-1', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), { kind: 'text', text: 'caf\uFFFD', replaced: true }],
    ['UTF-16LE with a BOM', new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]), { kind: 'text', text: 'hi', replaced: false }],
    ['UTF-16BE with a BOM', new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]), { kind: 'text', text: 'hi', replaced: false }],
    ['binary', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), { kind: 'binary' }],
    ['empty', new Uint8Array(), { kind: 'text', text: '', replaced: false }],
  ])('%s', (_name, bytes, expected) => {
    expect(decodeNoteBytes(bytes)).toEqual(expected);
  });
});

describe('vault paths', () => {
  it.each([
    ['Note.md', { folder: '', stem: 'Note' }],
    ['a/b/My note.markdown', { folder: 'a/b', stem: 'My note' }],
    ['a/v1.2.md', { folder: 'a', stem: 'v1.2' }],
  ])('splitNotePath(%j)', (path, expected) => {
    expect(splitNotePath(path)).toEqual(expected);
  });

  it.each([
    ['', 'attachments/x.png', 'attachments/x.png'],
    ['a', 'attachments/x.png', '../attachments/x.png'],
    ['a/b', 'a/b/x.png', 'x.png'],
    ['a/b', 'a/x.png', '../x.png'],
    ['attachments', 'attachments/x.png', 'x.png'],
  ])('relativeFrom(%j, %j) = %j', (folder, path, expected) => {
    expect(relativeFrom(folder, path)).toBe(expected);
  });

  it.each([
    ['', 'x.png', ['x.png']],
    ['a/b', '../img/x%20y.png', ['a/img/x y.png']],
    ['a', 'img/x.png', ['a/img/x.png', 'img/x.png']],
    ['a', 'attachments/x.png?v=1#top', ['a/attachments/x.png', 'attachments/x.png']],
    ['', '../../outside.png', []],
    ['a', 'https://example.com/x.png', []],
    ['a', 'data:image/png;base64,AA', []],
    ['a', '//cdn.example/x.png', []],
  ])('candidatePaths(%j, %j)', (folder, src, expected) => {
    expect(candidatePaths(folder, src)).toEqual(expected);
  });

  it('encodes what a Markdown destination cannot hold, and keeps other letters', () => {
    expect(encodeMarkdownPath('a b/(1)#é.png')).toBe('a%20b/%281%29%23é.png');
    expect(exportFolder('  a//b:c/../d ')).toBe('a/d');
    expect(exportFolder('x/What? Now')).toBe('x/What Now');
    expect(exportFolder(undefined)).toBe('');
  });
});

describe('fenceBrokenFrontMatter', () => {
  it.each([
    ['---\ntitle: [x\n---\n\nBody', '```yaml\ntitle: [x\n```\n\n\nBody'],
    ['---\na: ```b```\n---\nBody', '````yaml\na: ```b```\n````\n\nBody'],
    ['No front matter', 'No front matter'],
  ])('%j', (input, expected) => {
    expect(fenceBrokenFrontMatter(input)).toBe(expected);
  });
});

describe('describeImport', () => {
  it.each([
    [{ notes: 1, attachments: 0, skipped: [], problems: [] }, 'Imported 1 note and 0 attachments.'],
    [
      { notes: 12, attachments: 1, skipped: [{ path: 'a', reason: 'binary' as const }, { path: 'b', reason: 'too-large' as const }, { path: 'c', reason: 'binary' as const }], problems: [] },
      'Imported 12 notes and 1 attachment, skipped 3 files (not text, too large).',
    ],
  ])('%j', (report, expected) => {
    expect(describeImport(report)).toBe(expected);
  });
});
