import { describe, expect, test } from 'vitest';
import { findMentions, sentenceAround, type SentenceContext } from './mentions';

const shown = (text: string, phrase: string) => findMentions(text, phrase).map((span) => text.slice(span.start, span.end));

describe('findMentions', () => {
  test.each<[string, string, string, string[]]>([
    ['case-insensitive', 'Rust and rust and RUST', 'rust', ['Rust', 'rust', 'RUST']],
    ['whole words only', 'trusted Rustacean rust_y rust2 rust', 'rust', ['rust']],
    ['punctuation is a boundary', '(Rust), "rust"; rust.', 'Rust', ['Rust', 'rust', 'rust']],
    ['Unicode letters are word characters', 'café cafébar écafé', 'café', ['café']],
    ['case-insensitive beyond ASCII', 'ÉCOLE école', 'école', ['ÉCOLE', 'école']],
    ['whitespace in the phrase matches any run', 'Deep   Work and deep\nwork', 'deep work', ['Deep   Work', 'deep\nwork']],
    ['phrase is trimmed', 'a note', '  note ', ['note']],
    ['regex characters are literal', 'C++ and C+ and c++x', 'c++', ['C++', 'c++']],
    ['every printable ASCII character is literal', 'x !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ y', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']],
    ['hyphenated titles', 'a to-do list, todo', 'To-Do', ['to-do']],
    ['dots are literal', 'v1.2 v1x2', 'v1.2', ['v1.2']],
    ['not inside wiki links', '[[Rust]] and [[Go|rust]] but Rust', 'rust', ['Rust']],
    ['empty phrase', 'anything', '   ', []],
    ['no match', 'nothing here', 'rust', []],
  ])('%s', (_name, text, phrase, expected) => {
    expect(shown(text, phrase)).toEqual(expected);
  });

  test('spans are offsets into the text', () => {
    expect(findMentions('a Note b note', 'note')).toEqual([
      { start: 2, end: 6 },
      { start: 9, end: 13 },
    ]);
  });
});

describe('sentenceAround', () => {
  const around = (text: string, phrase: string, maxChars?: number, index = 0): SentenceContext =>
    sentenceAround(text, findMentions(text, phrase)[index]!, maxChars);

  test.each<[string, string, string, number | undefined, SentenceContext]>([
    ['the middle sentence', 'First one. I like Rust a lot! Last one?', 'rust', undefined, { before: 'I like ', match: 'Rust', after: ' a lot!' }],
    ['at the start of the text', 'Rust is nice. More.', 'rust', undefined, { before: '', match: 'Rust', after: ' is nice.' }],
    ['at the end without a full stop', 'Intro. We use Rust', 'rust', undefined, { before: 'We use ', match: 'Rust', after: '' }],
    ['a blank line ends a sentence', 'Heading\n\nSome Rust here\n\nNext', 'rust', undefined, { before: 'Some ', match: 'Rust', after: ' here' }],
    ['a single line break does not; whitespace collapses', 'one\ntwo Rust\nthree. x', 'rust', undefined, { before: 'one two ', match: 'Rust', after: ' three.' }],
    ['a dot inside a word does not end it', 'See v1.2 of Rust now.', 'rust', undefined, { before: 'See v1.2 of ', match: 'Rust', after: ' now.' }],
    ['closing quotes stay with their sentence', 'He said "stop." Then Rust ran.', 'rust', undefined, { before: 'Then ', match: 'Rust', after: ' ran.' }],
    ['cut on both sides at words', 'aaa bbb ccc ddd Rust eee fff ggg hhh.', 'rust', 20, { before: '…ddd ', match: 'Rust', after: ' eee fff…' }],
    ['unused room goes to the other side', 'aaa bbb ccc ddd eee fff Rust end.', 'rust', 20, { before: '…eee fff ', match: 'Rust', after: ' end.' }],
    ['a match longer than the room is cut', 'x ' + 'word '.repeat(3) + 'y', 'word word word', 6, { before: '', match: 'word …', after: '' }],
  ])('%s', (_name, text, phrase, maxChars, expected) => {
    expect(around(text, phrase, maxChars)).toEqual(expected);
  });

  test('never longer than maxChars', () => {
    const text = 'lorem ipsum dolor sit amet '.repeat(20) + 'Rust ' + 'consectetur adipiscing elit '.repeat(20) + '.';
    for (const max of [10, 40, 80, 160]) {
      const { before, match, after } = around(text, 'rust', max);
      expect((before + match + after).length).toBeLessThanOrEqual(max);
      expect(match).toBe('Rust');
      expect(before.startsWith('…') && after.endsWith('…')).toBe(true);
    }
  });
});
