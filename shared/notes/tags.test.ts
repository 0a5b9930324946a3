import { describe, expect, test } from 'vitest';
import { extractTags, tagAndAncestors, tagMatches } from './tags';

describe('extractTags', () => {
  test.each<[string, string, string[]]>([
    ['plain', '#idea', ['idea']],
    ['several, in order', 'a #one b #two c', ['one', 'two']],
    ['after punctuation', '(#paren), "#quoted", x,#comma', ['paren', 'quoted', 'comma']],
    ['not after a word character', 'a#b x_#y 1#z', []],
    ['nested tags', '#area/topic/sub', ['area/topic/sub']],
    ['trailing slash dropped', '#area/ and #b//', ['area', 'b']],
    ['hyphen and underscore', '#to-do #snake_case', ['to-do', 'snake_case']],
    ['Unicode letters', '#café #日本語 #Straße', ['café', '日本語', 'Straße']],
    ['digits alone are not a tag', '#2026 #1984/12', []],
    ['digits with a letter are', '#y1984 #2026q1', ['y1984', '2026q1']],
    ['a heading is not a tag', '# Heading\n## Sub', []],
    ['double hash is not a tag', '##x', []],
    ['ends at punctuation', '#end. #tag, #q? #colon: #apos\'s', ['end', 'tag', 'q', 'colon', 'apos']],
    ['not in a URL', 'see https://x.com/#frag and http://a.b/c#d', []],
    ['not in a scheme-less path', 'x.com/#frag', []],
    ['not in a wiki link', '[[note#heading]] [[a#b|c]] then #real', ['real']],
    ['not in inline code', '`#define X` and #real', ['real']],
    ['not in a fenced code block', '```\n#include <x>\n```\n#after', ['after']],
    ['not an HTML entity', '&#39; &#x27;', []],
    ['deduplicated case-insensitively, first spelling kept', '#Idea #idea #IDEA #other', ['Idea', 'other']],
    ['lone hash', '# #', []],
    ['start of a line', 'x\n#tag', ['tag']],
  ])('%s', (_name, text, expected) => {
    expect(extractTags(text)).toEqual(expected);
  });
});

describe('tagAndAncestors', () => {
  test.each<[string, string[]]>([
    ['a/b/c', ['a', 'a/b', 'a/b/c']],
    ['a', ['a']],
    ['#a/b', ['a', 'a/b']],
    ['a//b/', ['a', 'a/b']],
    ['', []],
  ])('%s', (tag, expected) => {
    expect(tagAndAncestors(tag)).toEqual(expected);
  });
});

describe('tagMatches', () => {
  test.each<[string, string, boolean]>([
    ['area', 'area', true],
    ['Area/topic', 'area', true],
    ['area/topic/sub', 'area/topic', true],
    ['areas', 'area', false],
    ['area', 'area/topic', false],
    ['#area', 'AREA', true],
    ['area', '#area', true],
    ['area', '', false],
    ['', 'area', false],
  ])('%s under %s → %s', (tag, filter, expected) => {
    expect(tagMatches(tag, filter)).toBe(expected);
  });
});
