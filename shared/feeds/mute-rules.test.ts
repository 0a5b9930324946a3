import { describe, expect, it } from 'vitest';
import { classify, compileRules, hasNestedRepetition, maxInputLength, parseRules, patternProblem, type Rule, type RuleSubject } from './mute-rules';

let next = 0;
function rule(partial: Partial<Rule> & Pick<Rule, 'pattern'>): Rule {
  next += 1;
  return { id: `r${next}`, action: 'mute', kind: 'keyword', scope: { kind: 'global' }, fields: ['title'], enabled: true, ...partial };
}
const story = (title: string, extra: Partial<RuleSubject> = {}): RuleSubject => ({ title, ...extra });

describe('keywords', () => {
  const cases: Array<[pattern: string, title: string, muted: boolean]> = [
    ['crypto', 'Crypto winter is here', true],
    ['crypto', 'CRYPTO', true],
    ['crypto', 'Cryptography for beginners', false], // word boundary
    ['crypto', 'post-crypto world', true],
    ['café', 'Best CAFE in town', true], // diacritics either way
    ['cafe', 'Le Café de Flore', true],
    ['São Paulo', 'Rain in sao   paulo today', true], // phrase, any whitespace
    ['são paulo', 'São Bento, Paulo', false],
    ['Zürich', 'ZURICH ist teuer', true],
    ['Ελλάδα', 'ΕΛΛΑΔΑ σήμερα', true], // Greek with tonos, upper case
    ['москва', 'Новости: Москва', true],
    ['東京', '今日の東京に', true], // Japanese has no spaces between words: matched as a substring
    ['ข่าว', 'อ่านข่าววันนี้', true], // Thai likewise
    ['ﬁsh', 'fish market', true], // compatibility ligature
    ['c++', 'Why C++ still matters', true],
    ['c++', 'Why c+++ is a joke', true],
    ['#rust', 'Loving #Rust today', true],
    ['rust', 'Trust me', false],
    ['a.b', 'axb', false], // keywords are literal
  ];
  it.each(cases)('%s in %j → muted %s', (pattern, title, muted) => {
    const matcher = compileRules([rule({ pattern })]);
    expect(matcher.problems).toEqual([]);
    expect(classify(story(title), [], matcher)).toBe(muted ? 'muted' : 'normal');
  });
});

describe('regular expressions', () => {
  it('match with i and u flags', () => {
    const matcher = compileRules([rule({ pattern: '^sponsored\\b', kind: 'regex' }), rule({ pattern: '\\p{Emoji_Presentation}{3}', kind: 'regex' })]);
    expect(matcher.problems).toEqual([]);
    expect(classify(story('SPONSORED: buy now'), [], matcher)).toBe('muted');
    expect(classify(story('Not sponsored'), [], matcher)).toBe('normal');
    expect(classify(story('Party 🎉🎉🎉'), [], matcher)).toBe('muted');
  });

  const invalid: Array<[pattern: string, words: RegExp]> = [
    ['(unclosed', /not valid: unterminated group/i],
    ['[z-a]', /not valid: range out of order/i],
    ['a{2,1}', /not valid/i],
    ['\\k<nope>', /not valid/i],
    ['(a+)+$', /repeats a group that already repeats/],
    ['(\\w*)*x', /repeats a group/],
    ['(x+|y)+', /repeats a group/],
    ['((ab)+c)*', /repeats a group/],
    ['a*', /matches every story/],
    ['x'.repeat(201), /too long/],
    ['   ', /Type a word/],
  ];
  it.each(invalid)('refuses %j in words, without throwing at match time', (pattern, words) => {
    const matcher = compileRules([rule({ id: 'bad', pattern, kind: 'regex' }), rule({ pattern: 'fine' })]);
    expect(matcher.problems).toHaveLength(1);
    expect(matcher.problems[0]?.ruleId).toBe('bad');
    expect(matcher.problems[0]?.message).toMatch(words);
    expect(patternProblem(pattern, 'regex')).toBe(matcher.problems[0]?.message);
    expect(classify(story('(unclosed aaaa fine'), [], matcher)).toBe('muted'); // the valid rule still works
  });

  it('accepts safe repetition shapes', () => {
    for (const pattern of ['(ab)+', '(?:a|b)+c', 'a+b+', '[(a+)]+', '\\(a+\\)+', '(a{1,3})+x'.replace('+x', 'x'), 'colou?r']) {
      expect(hasNestedRepetition(pattern), pattern).toBe(false);
      expect(patternProblem(pattern, 'regex'), pattern).toBeUndefined();
    }
  });

  it('reads only the first characters of a long field', () => {
    const matcher = compileRules([rule({ pattern: 'needle', kind: 'regex' })]);
    expect(classify(story(`${'x '.repeat(maxInputLength)}needle`), [], matcher)).toBe('normal');
    expect(classify(story('needle in a haystack'), [], matcher)).toBe('muted');
  });
});

describe('fields, keep and scope', () => {
  it('reads only the fields a rule names, with the summary as text', () => {
    const matcher = compileRules([rule({ pattern: 'webinar', fields: ['summary'] }), rule({ pattern: 'tracker.example', fields: ['link'], kind: 'keyword' })]);
    expect(classify(story('Webinar tomorrow'), [], matcher)).toBe('normal');
    expect(classify(story('Event', { summaryHtml: '<p>Join our <a href="/webinar">talk</a></p>' }), [], matcher)).toBe('normal'); // markup is not text
    expect(classify(story('Event', { summaryHtml: '<p>Our&nbsp;webinar&nbsp;now</p>' }), [], matcher)).toBe('muted');
    expect(classify(story('Event', { summaryHtml: '<p>Join our <b>webinar</b> now</p>' }), [], matcher)).toBe('muted');
    expect(classify(story('Event', { link: 'https://tracker.example/x' }), [], matcher)).toBe('muted');
    const byAuthor = compileRules([rule({ pattern: 'Guest', fields: ['author'] })]);
    expect(classify(story('Hi', { author: 'A guest writer' }), [], byAuthor)).toBe('muted');
  });

  it('keep wins over mute, whatever the order', () => {
    const rules = [rule({ pattern: 'crypto' }), rule({ pattern: 'whitepaper', action: 'keep' })];
    for (const order of [rules, [...rules].reverse()]) {
      const matcher = compileRules(order);
      expect(classify(story('Crypto whitepaper explained'), [], matcher)).toBe('kept');
      expect(classify(story('Crypto prices'), [], matcher)).toBe('muted');
      expect(classify(story('A whitepaper'), [], matcher)).toBe('kept');
      expect(classify(story('Gardening'), [], matcher)).toBe('normal');
    }
  });

  it('a source rule applies only to stories seen in that source, including one of several', () => {
    const matcher = compileRules([rule({ pattern: 'ad', scope: { kind: 'source', sourceId: 'A' } }), rule({ pattern: 'golden', action: 'keep', scope: { kind: 'source', sourceId: 'B' } })]);
    expect(classify(story('Ad: shoes'), ['A'], matcher)).toBe('muted');
    expect(classify(story('Ad: shoes'), ['B'], matcher)).toBe('normal');
    expect(classify(story('Ad: shoes'), [], matcher)).toBe('normal');
    expect(classify(story('Ad: shoes'), ['C', 'A'], matcher)).toBe('muted'); // seen in A among others
    expect(classify(story('Golden ad'), ['A', 'B'], matcher)).toBe('kept'); // B keeps what A mutes
    expect(classify(story('Golden ad'), ['A'], matcher)).toBe('muted');
  });

  it('skips disabled rules and reports what is in use', () => {
    const matcher = compileRules([rule({ pattern: 'crypto', enabled: false }), rule({ pattern: '(', kind: 'regex', enabled: false }), rule({ pattern: 'x', action: 'keep' })]);
    expect(matcher.problems).toEqual([]);
    expect(matcher.mutes).toBe(false);
    expect(matcher.keeps).toBe(true);
    expect(classify(story('crypto'), [], matcher)).toBe('normal');
    expect(compileRules([]).mutes).toBe(false);
  });

  it('refuses a rule with no fields', () => {
    expect(compileRules([rule({ pattern: 'x', fields: [] })]).problems[0]?.message).toMatch(/at least one field/);
  });
});

describe('parseRules', () => {
  it('keeps only well-formed stored rules', () => {
    const good = rule({ pattern: 'x', scope: { kind: 'source', sourceId: 's' } });
    expect(parseRules([good, { ...good, action: 'hide' }, { ...good, fields: ['body'] }, { ...good, scope: { kind: 'source' } }, null, 'x'])).toEqual([good]);
    expect(parseRules(undefined)).toEqual([]);
    expect(parseRules({})).toEqual([]);
  });
});
