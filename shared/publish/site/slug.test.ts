import { describe, expect, it } from 'vitest';
import { asciiSlug, isSafeSlug, slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it.each([
    ['Finds, 20 November 2026', 'finds-20-november-2026'],
    ['Crème brûlée à la Ærøskøbing', 'creme-brulee-a-la-aeroskobing'],
    ['Straße, Łódź and Þingvellir', 'strasse-lodz-and-thingvellir'],
    ["Don't panic — it's fine!", 'dont-panic-its-fine'],
    ['  --Hello__World--  ', 'hello-world'],
    ['area/topic', 'area-topic'],
    ['C++ & <script>', 'c-script'],
    ['ﬁne ligature', 'fine-ligature'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it.each(['', '   ', '日本語', '!!!', '🙂'])('never gives an empty slug (%j)', (title) => {
    expect(slugify(title)).toBe('post');
  });

  it('keeps at most 80 characters, cut between words', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(80));
  });

  it('gives only lower-case ASCII letters, digits and single dashes', () => {
    for (const title of ['Ünïcödé Tïtlé 2026', 'a -- b', 'ÀÉÎÕÜ', 'İstanbul', 'tab\there']) {
      expect(slugify(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('asciiSlug gives an empty string where slugify falls back', () => {
    expect(asciiSlug('日本')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('keeps a free slug and otherwise counts up from 2', () => {
    expect(uniqueSlug('finds', new Set())).toBe('finds');
    expect(uniqueSlug('finds', new Set(['finds']))).toBe('finds-2');
    expect(uniqueSlug('finds', new Set(['finds', 'finds-2', 'finds-3']))).toBe('finds-4');
    expect(uniqueSlug('finds', new Set(['finds-2']))).toBe('finds');
  });

  it('stays within 80 characters when the wanted slug is already that long', () => {
    const long = `${'a'.repeat(70)}-${'b'.repeat(9)}`;
    const unique = uniqueSlug(long, new Set([long]));
    expect(unique.length).toBeLessThanOrEqual(80);
    expect(unique.endsWith('-2')).toBe(true);
    expect(unique).not.toBe(long);
  });
});

describe('isSafeSlug', () => {
  it.each(['post', 'finds-20-november-2026', 'Old_Slug-2'])('accepts %j', (slug) => {
    expect(isSafeSlug(slug)).toBe(true);
  });

  it.each(['', '..', '../etc', 'a/b', 'a\\b', '-lead', 'with space', 'dot.html', 'é'])('refuses %j', (slug) => {
    expect(isSafeSlug(slug)).toBe(false);
  });
});
