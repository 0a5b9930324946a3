import { describe, expect, test } from 'vitest';
import type { JsonValue } from '../model';
import { frontMatterList, parseFrontMatter, stringifyFrontMatter } from './front-matter';

describe('parseFrontMatter', () => {
  test.each<[string, string, Record<string, JsonValue>, string]>([
    ['none', '# Title\n\nText', {}, '# Title\n\nText'],
    ['simple mapping', '---\ntitle: Hello\ntags: [a, b]\n---\nBody', { title: 'Hello', tags: ['a', 'b'] }, 'Body'],
    ['one blank line after the block is dropped', '---\na: 1\n---\n\nBody\n', { a: 1 }, 'Body\n'],
    ['dates stay strings', '---\ndate: 2026-11-20\ntime: 2026-11-20T10:00:00Z\n---\n', { date: '2026-11-20', time: '2026-11-20T10:00:00Z' }, ''],
    ['scalars of the core schema', '---\nn: 3\nf: 1.5\nb: true\nz: null\ne:\ny: yes\n---\n', { n: 3, f: 1.5, b: true, z: null, e: null, y: 'yes' }, ''],
    ['nested values', '---\nmeta:\n  list:\n    - x\n    - 2\n---\nB', { meta: { list: ['x', 2] } }, 'B'],
    ['BOM and CRLF', '\uFEFF---\r\ntitle: Win\r\n---\r\nBody\r\n', { title: 'Win' }, 'Body\r\n'],
    ['empty block', '---\n---\nBody', {}, 'Body'],
    ['only comments', '---\n# nothing\n---\nBody', {}, 'Body'],
    ['not at the very start', '\n---\na: 1\n---\nBody', {}, '\n---\na: 1\n---\nBody'],
    ['no closing line: a rule, not front matter', '---\nText below a rule', {}, '---\nText below a rule'],
    ['closing line at the end of the file', '---\na: b\n---', { a: 'b' }, ''],
    ['non-finite numbers become text', '---\nx: .inf\n---\n', { x: 'Infinity' }, ''],
  ])('%s', (_name, markdown, data, body) => {
    const parsed = parseFrontMatter(markdown);
    expect(parsed).toEqual({ data, body });
  });

  test.each<[string, string, RegExp]>([
    ['malformed YAML', '---\ntitle: [unclosed\n---\nBody', /not valid YAML/],
    ['duplicate keys', '---\na: 1\na: 2\n---\nBody', /not valid YAML/],
    ['a list, not a mapping', '---\n- a\n- b\n---\nBody', /names and values/],
    ['a scalar, not a mapping', '---\njust text\n---\nBody', /names and values/],
  ])('%s: empty data, the whole text as body, an error in words', (_name, markdown, error) => {
    const parsed = parseFrontMatter(markdown);
    expect(parsed.data).toEqual({});
    expect(parsed.body).toBe(markdown);
    expect(parsed.error).toMatch(error);
  });

  test('never throws on alias bombs', () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nBody';
    const parsed = parseFrontMatter(bomb);
    expect(parsed.data).toEqual({});
    expect(parsed.error).toBeDefined();
  });
});

describe('stringifyFrontMatter', () => {
  test.each<[string, Record<string, JsonValue>, string, string]>([
    ['no data, no block', {}, 'Body', 'Body'],
    ['keys in the order given', { title: 'T', aliases: ['x', 'y'], date: '2026-11-20' }, 'Body', '---\ntitle: T\naliases:\n  - x\n  - y\ndate: 2026-11-20\n---\n\nBody'],
    ['strings that look like other types are quoted', { n: '3', b: 'true', empty: '' }, '', '---\nn: "3"\nb: "true"\nempty: ""\n---\n\n'],
    ['long strings are not folded', { summary: 'word '.repeat(40).trim() }, 'B', `---\nsummary: ${'word '.repeat(40).trim()}\n---\n\nB`],
  ])('%s', (_name, data, body, expected) => {
    expect(stringifyFrontMatter(data, body)).toBe(expected);
  });

  test.each<[string, Record<string, JsonValue>, string]>([
    ['dates and nesting', { date: '2026-11-20', tags: ['a/b', 'c'], meta: { n: 1, ok: false, none: null } }, 'Body\n'],
    ['body starting with a blank line', { a: 'x' }, '\n\nBody'],
    ['tricky strings', { colon: 'a: b', hash: '#tag', quote: "it's \"x\"", multi: 'one\ntwo', n: '007' }, ''],
  ])('round trip: %s', (_name, data, body) => {
    expect(parseFrontMatter(stringifyFrontMatter(data, body))).toEqual({ data, body });
  });
});

describe('frontMatterList', () => {
  test.each<[string, unknown, string[]]>([
    ['comma-separated text', 'a, b', ['a', 'b']],
    ['a list', ['a', 'b'], ['a', 'b']],
    ['one value', 'a', ['a']],
    ['null', null, []],
    ['undefined', undefined, []],
    ['leading # stripped', ['#a', '# b', '#c, #d'], ['a', 'b', 'c, #d']],
    ['hash in text form', '#a, #b', ['a', 'b']],
    ['empties dropped', ['', ' ', 'x', null], ['x']],
    ['trailing comma', 'a,', ['a']],
    ['numbers kept as text', [2026, 'x'], ['2026', 'x']],
    ['an object is not a list', { a: 1 }, []],
  ])('%s', (_name, value, expected) => {
    expect(frontMatterList(value)).toEqual(expected);
  });
});
