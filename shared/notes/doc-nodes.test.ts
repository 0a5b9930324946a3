import { describe, expect, test } from 'vitest';
import type { DocNode } from '../model';
import { citationNode, citationNodeName, wikiLinkNode, wikiLinkNodeName, type CitationAttrs } from './doc-nodes';

const attrs: CitationAttrs = { highlightId: 'h1', itemId: 'i1', title: 'T', author: 'A', sourceTitle: 'S', link: 'https://x.test/a', publishedAt: 0 };
const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('wikiLinkNode', () => {
  test.each<[string, Parameters<typeof wikiLinkNode>[0], DocNode['attrs']]>([
    ['defaults filled in', { target: 'A' }, { target: 'A', heading: null, label: null, embed: false }],
    ['all parts', { target: 'A', heading: 'h', label: 'l', embed: true }, { target: 'A', heading: 'h', label: 'l', embed: true }],
    ['explicit nulls', { target: 'A', heading: null, label: null }, { target: 'A', heading: null, label: null, embed: false }],
  ])('%s', (_name, input, expected) => {
    expect(wikiLinkNode(input)).toEqual({ type: wikiLinkNodeName, attrs: expected });
  });

  test('the node name is the one the editor registers', () => {
    expect(wikiLinkNodeName).toBe('wikiLink');
    expect(citationNodeName).toBe('citation');
  });
});

describe('citationNode', () => {
  test.each<[string, string, DocNode[]]>([
    ['one paragraph', 'Quoted words.', [p('Quoted words.')]],
    ['blank lines split paragraphs', 'One.\n\nTwo.\n\n\nThree.', [p('One.'), p('Two.'), p('Three.')]],
    ['single line breaks stay inside a paragraph', 'a\nb', [p('a\nb')]],
    ['paragraphs trimmed, empty ones dropped', '  a  \n\n   \n\n b ', [p('a'), p('b')]],
    ['empty quote: one empty paragraph, as the schema needs one', '', [{ type: 'paragraph' }]],
    ['whitespace-only quote', ' \n\n ', [{ type: 'paragraph' }]],
  ])('%s', (_name, quote, content) => {
    expect(citationNode(attrs, quote)).toEqual({ type: citationNodeName, attrs, content });
  });

  test('attrs are copied, not shared', () => {
    const node = citationNode(attrs, 'q');
    expect(node.attrs).not.toBe(attrs);
  });
});
