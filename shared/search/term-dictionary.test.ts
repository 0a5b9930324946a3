import { describe, expect, it } from 'vitest';
import { TermDictionary } from './term-dictionary';

const prefixed = (dictionary: TermDictionary, prefix: string) => {
  const out: string[] = [];
  dictionary.withPrefix(prefix, (surface, stem) => out.push(`${surface}:${stem}`));
  return out.sort();
};

describe('TermDictionary', () => {
  it('finds surface words by prefix before and after merging its recent words', () => {
    const dictionary = new TermDictionary();
    dictionary.add('happiness', 'happi');
    dictionary.add('happy', 'happi');
    dictionary.add('harbour', 'harbour');
    expect(prefixed(dictionary, 'happ')).toEqual(['happiness:happi', 'happy:happi']);
    for (let n = 0; n < 600; n += 1) dictionary.add(`zz${n}`, `zz${n}`); // forces a merge at the next lookup
    expect(prefixed(dictionary, 'happin')).toEqual(['happiness:happi']);
    expect(prefixed(dictionary, 'zz59')).toHaveLength(11);
    dictionary.add('hat', 'hat');
    expect(prefixed(dictionary, 'ha')).toEqual(['happiness:happi', 'happy:happi', 'harbour:harbour', 'hat:hat']);
  });

  it('exports sorted entries whose stems are still live and reads them back', () => {
    const dictionary = new TermDictionary();
    for (const [surface, stem] of [['b', 'b'], ['a', 'a'], ['gone', 'gone']] as const) dictionary.add(surface, stem);
    const { surfaces, stems } = dictionary.entries((stem) => stem !== 'gone');
    expect(surfaces).toEqual(['a', 'b']);
    const copy = TermDictionary.fromEntries(surfaces, stems);
    expect(copy.stemOf('a')).toBe('a');
    expect(prefixed(copy, '')).toEqual(['a:a', 'b:b']);
  });

  it('reads a loaded dictionary by bisection and takes new words after it', () => {
    const loaded = TermDictionary.fromEntries(['happiness', 'happy', 'harbour'], ['happi', 'happi', 'harbour']);
    expect(loaded.stemOf('happy')).toBe('happi');
    expect(loaded.stemOf('hap')).toBeUndefined();
    loaded.add('happen', 'happen');
    loaded.add('happy', 'other'); // already known: the first stem stays
    expect(loaded.stemOf('happen')).toBe('happen');
    expect(loaded.stemOf('happy')).toBe('happi');
    expect(prefixed(loaded, 'happ')).toEqual(['happen:happen', 'happiness:happi', 'happy:happi']);
    expect(loaded.entries(() => true)).toEqual({ surfaces: ['happen', 'happiness', 'happy', 'harbour'], stems: ['happen', 'happi', 'happi', 'harbour'] });
    expect(loaded.size).toBe(4);
  });
});
