import { describe, expect, test } from 'vitest';
import { findWikiLinks, formatWikiLink, parseWikiLinkInner, titleKey, wikiLinkText, type WikiLinkParts } from './wiki-link-syntax';

const parts = (target: string, heading: string | null = null, label: string | null = null, embed = false): WikiLinkParts => ({ target, heading, label, embed });

describe('parseWikiLinkInner', () => {
  test.each<[string, string, boolean, WikiLinkParts | undefined]>([
    ['target', 'Note', false, parts('Note')],
    ['label', 'Note|shown', false, parts('Note', null, 'shown')],
    ['heading', 'Note#Part', false, parts('Note', 'Part')],
    ['heading and label', 'Note#Part|shown', false, parts('Note', 'Part', 'shown')],
    ['embed', 'Note', true, parts('Note', null, null, true)],
    ['whitespace trimmed', '  My Note # Part | shown ', false, parts('My Note', 'Part', 'shown')],
    ['empty label is no label', 'Note|', false, parts('Note')],
    ['empty heading is no heading', 'Note#', false, parts('Note')],
    ['a # in the label is kept', 'Note|C# tips', false, parts('Note', null, 'C# tips')],
    ['a second | belongs to the label', 'Note|a|b', false, parts('Note', null, 'a|b')],
    ['a second # belongs to the heading', 'Note#a#b', false, parts('Note', 'a#b')],
    ['file name with extension', 'image.png', true, parts('image.png', null, null, true)],
    ['no target: label only', '|x', false, undefined],
    ['no target: heading only', '#h', false, undefined],
    ['blank', '   ', false, undefined],
    ['empty', '', false, undefined],
  ])('%s', (_name, inner, embed, expected) => {
    expect(parseWikiLinkInner(inner, embed)).toEqual(expected);
  });
});

describe('findWikiLinks', () => {
  test.each<[string, string, { raw: string; start: number; end: number; parts: WikiLinkParts }[]]>([
    ['none', 'plain [text] and [[]]', []],
    ['one', 'see [[A]].', [{ raw: '[[A]]', start: 4, end: 9, parts: parts('A') }]],
    [
      'several forms in order',
      '[[A|a]] ![[B#h]] [[C#h|c]]',
      [
        { raw: '[[A|a]]', start: 0, end: 7, parts: parts('A', null, 'a') },
        { raw: '![[B#h]]', start: 8, end: 16, parts: parts('B', 'h', null, true) },
        { raw: '[[C#h|c]]', start: 17, end: 26, parts: parts('C', 'h', 'c') },
      ],
    ],
    ['targetless ones skipped', '[[|x]] [[#h]] [[ok]]', [{ raw: '[[ok]]', start: 14, end: 20, parts: parts('ok') }]],
    ['not across lines', '[[a\nb]] [[c]]', [{ raw: '[[c]]', start: 8, end: 13, parts: parts('c') }]],
    ['brackets inside end the attempt', '[[a[b]] [[c]]', [{ raw: '[[c]]', start: 8, end: 13, parts: parts('c') }]],
    ['triple brackets: the inner link', '[[[x]]]', [{ raw: '[[x]]', start: 1, end: 6, parts: parts('x') }]],
    ['adjacent links', '[[a]][[b]]', [{ raw: '[[a]]', start: 0, end: 5, parts: parts('a') }, { raw: '[[b]]', start: 5, end: 10, parts: parts('b') }]],
    ['unclosed', '[[a', []],
  ])('%s', (_name, text, expected) => {
    const found = findWikiLinks(text).map(({ raw, start, end, target, heading, label, embed }) => ({ raw, start, end, parts: { target, heading, label, embed } }));
    expect(found).toEqual(expected);
    for (const link of found) expect(text.slice(link.start, link.end)).toBe(link.raw);
  });
});

describe('formatWikiLink', () => {
  test.each<[string, Parameters<typeof formatWikiLink>[0], string]>([
    ['target', { target: 'A' }, '[[A]]'],
    ['label', { target: 'A', label: 'a' }, '[[A|a]]'],
    ['heading', { target: 'A', heading: 'h' }, '[[A#h]]'],
    ['heading and label', { target: 'A', heading: 'h', label: 'a' }, '[[A#h|a]]'],
    ['embed', { target: 'A', embed: true }, '![[A]]'],
    ['nulls', parts('A'), '[[A]]'],
  ])('%s', (_name, input, expected) => {
    expect(formatWikiLink(input)).toBe(expected);
  });

  test.each(['[[A]]', '[[A|a]]', '[[A#h]]', '![[A#h|a]]', '[[My Note]]'])('round trip %s', (raw) => {
    const [link] = findWikiLinks(raw);
    expect(formatWikiLink(link!)).toBe(raw);
  });

  test('formatting canonicalises spacing', () => {
    expect(formatWikiLink(parseWikiLinkInner(' A # h | a ')!)).toBe('[[A#h|a]]');
  });
});

describe('wikiLinkText', () => {
  test.each<[Parameters<typeof wikiLinkText>[0], string]>([
    [{ target: 'A' }, 'A'],
    [{ target: 'A', label: 'a' }, 'a'],
    [{ target: 'A', heading: 'h' }, 'A > h'],
    [{ target: 'A', heading: 'h', label: 'a' }, 'a'],
    [parts('A', null, null, true), 'A'],
  ])('%j → %s', (input, expected) => {
    expect(wikiLinkText(input)).toBe(expected);
  });
});

describe('titleKey', () => {
  test.each<[string, string]>([
    ['My Note', 'my note'],
    ['  My   Note\t', 'my note'],
    ['Cafe\u0301', 'café'],
    ['Café', 'café'],
    ['ÉCOLE', 'école'],
    ['İstanbul', 'i̇stanbul'],
    ['', ''],
  ])('%s → %s', (title, expected) => {
    expect(titleKey(title)).toBe(expected);
  });

  test('equal keys for titles Obsidian treats as the same', () => {
    expect(titleKey('my note')).toBe(titleKey('My  NOTE '));
    expect(titleKey('Café')).toBe(titleKey('Cafe\u0301'));
    expect(titleKey('Note 1')).not.toBe(titleKey('Note 2'));
  });
});
