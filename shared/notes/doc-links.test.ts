import { describe, expect, test } from 'vitest';
import type { DocNode } from '../model';
import { citationNode, wikiLinkNode, type CitationAttrs } from './doc-nodes';
import { collectDocLinks, docMentions, linkMention, renameWikiLinkTargets } from './doc-links';
import { docText } from './doc-text';
import { titleKey } from './wiki-link-syntax';

const t = (text: string, marks?: DocNode['marks']): DocNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const cite = (itemId: string | null): CitationAttrs => ({ highlightId: null, itemId, title: 'T', author: null, sourceTitle: null, link: null, publishedAt: null });
const bold = [{ type: 'bold' }];

describe('collectDocLinks', () => {
  test('finds wiki links at any depth and citation items deduplicated in order', () => {
    const input = doc(
      p(t('a '), wikiLinkNode({ target: 'One' })),
      citationNode(cite('item-2'), 'quote'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(wikiLinkNode({ target: 'Two', heading: 'h', label: 'l', embed: true }))] }] },
      citationNode(cite('item-1'), 'q'),
      citationNode(cite('item-2'), 'again'),
      citationNode(cite(null), 'no item'),
      p({ type: 'wikiLink', attrs: { target: '' } }),
    );
    expect(collectDocLinks(input)).toEqual({
      wikiLinks: [
        { target: 'One', heading: null, label: null, embed: false },
        { target: 'Two', heading: 'h', label: 'l', embed: true },
      ],
      itemIds: ['item-2', 'item-1'],
    });
  });
  test('an empty doc has no links', () => {
    expect(collectDocLinks({ type: 'doc' })).toEqual({ wikiLinks: [], itemIds: [] });
  });
});

describe('renameWikiLinkTargets', () => {
  const input = doc(
    p(t('x'), wikiLinkNode({ target: 'old  name', heading: 'H', label: 'L' })),
    { type: 'blockquote', content: [p(wikiLinkNode({ target: 'Alias', embed: true }), wikiLinkNode({ target: 'Other' }))] },
    p(t('untouched')),
  );
  const fromKeys = new Set([titleKey('Old Name'), titleKey('alias')]);

  test('rewrites matching targets, keeps heading, label and embed, shares untouched nodes', () => {
    const before = JSON.stringify(input);
    const output = renameWikiLinkTargets(input, fromKeys, 'New Name')!;
    expect(collectDocLinks(output).wikiLinks).toEqual([
      { target: 'New Name', heading: 'H', label: 'L', embed: false },
      { target: 'New Name', heading: null, label: null, embed: true },
      { target: 'Other', heading: null, label: null, embed: false },
    ]);
    expect(JSON.stringify(input)).toBe(before);
    expect(output.content![2]).toBe(input.content![2]);
  });
  test.each<[string, ReadonlySet<string>, string]>([
    ['no matching key', new Set(['nothing']), 'New'],
    ['already the new target', new Set([titleKey('Other')]), 'Other'],
  ])('undefined when nothing changes: %s', (_name, keys, target) => {
    expect(renameWikiLinkTargets(input, keys, target)).toBeUndefined();
  });
  test('a case-only rename still rewrites', () => {
    const output = renameWikiLinkTargets(doc(p(wikiLinkNode({ target: 'other' }))), new Set(['other']), 'Other');
    expect(collectDocLinks(output!).wikiLinks[0]!.target).toBe('Other');
  });
});

describe('linkMention', () => {
  const link = (target: string, label: string | null = null): DocNode => wikiLinkNode({ target, label });
  test.each<[string, DocNode, string, string, number | undefined, DocNode | undefined]>([
    ['first occurrence, label when written differently', doc(p(t('I like rust and Rust.'))), 'Rust', 'Rust', undefined, doc(p(t('I like '), link('Rust', 'rust'), t(' and Rust.')))],
    ['second occurrence, no label when the same', doc(p(t('I like rust and Rust.'))), 'Rust', 'Rust', 1, doc(p(t('I like rust and '), link('Rust'), t('.')))],
    ['whole node replaced, marks kept on the pieces', doc(p(t('a '), t('Rust lang', bold))), 'rust', 'Rust', 0, doc(p(t('a '), link('Rust'), t(' lang', bold)))],
    ['counts across blocks in document order', doc(p(t('Rust')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('x Rust y'))] }] }), 'rust', 'Rust', 1, doc(p(t('Rust')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('x '), link('Rust'), t(' y'))] }] })],
    ['skips inline code and links, which do not count', doc(p(t('Rust', [{ type: 'code' }]), t(' '), t('Rust', [{ type: 'link', attrs: { href: 'x' } }]), t(' Rust'))), 'rust', 'Rust', 0, doc(p(t('Rust', [{ type: 'code' }]), t(' '), t('Rust', [{ type: 'link', attrs: { href: 'x' } }]), t(' '), link('Rust')))],
    ['whole words only, also across mark boundaries', doc(p(t('trusty Rust'), t('acean'))), 'rust', 'Rust', 0, undefined],
    ['multi-word phrase matches any whitespace', doc(p(t('see Deep   work now'))), 'deep work', 'Deep Work', 0, doc(p(t('see '), link('Deep Work', 'Deep   work'), t(' now')))],
    ['not in a code block', doc({ type: 'codeBlock', content: [t('Rust')] }), 'rust', 'Rust', 0, undefined],
    ['no such occurrence', doc(p(t('Rust'))), 'rust', 'Rust', 1, undefined],
    ['not inside literal [[…]] text', doc(p(t('[[Rust]]'))), 'rust', 'Rust', 0, undefined],
    ['empty phrase', doc(p(t('Rust'))), ' ', 'Rust', 0, undefined],
  ])('%s', (_name, input, phrase, target, occurrence, expected) => {
    const before = JSON.stringify(input);
    expect(linkMention(input, phrase, target, occurrence)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });
  test('the linked doc reads the same as before', () => {
    const input = doc(p(t('One rust, two Rust.')));
    expect(docText(linkMention(input, 'rust', 'rust', 1)!)).toBe('One rust, two Rust.');
  });
});

describe('docMentions', () => {
  const input = doc(
    { type: 'heading', attrs: { level: 2 }, content: [t('Rust notes')] },
    p(t('Use '), t('rust', [{ type: 'code' }]), t(' or Rust'), { type: 'hardBreak' }, t('daily, '), t('Rust', bold), t('y.')),
    { type: 'codeBlock', content: [t('Rust')] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('more rust'))] }] },
  );

  test('spans in docText, in the order linkMention counts', () => {
    const text = docText(input);
    const spans = docMentions(input, 'rust');
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Rust', 'Rust', 'rust']);
    expect(spans[1]!.start).toBe(text.indexOf('or Rust') + 3);
    spans.forEach((span, occurrence) => {
      const linked = linkMention(input, 'rust', 'Rust', occurrence)!;
      const written = text.slice(span.start, span.end);
      expect(collectDocLinks(linked).wikiLinks).toEqual([{ target: 'Rust', heading: null, label: written === 'Rust' ? null : written, embed: false }]);
      expect(docText(linked)).toBe(text);
    });
    expect(linkMention(input, 'rust', 'Rust', spans.length)).toBeUndefined();
  });

  test.each<[string, string, number]>([
    ['no mentions', 'python', 0],
    ['empty phrase', '', 0],
    ['multi-word', 'more rust', 1],
  ])('%s', (_name, phrase, count) => {
    expect(docMentions(input, phrase)).toHaveLength(count);
  });
});
