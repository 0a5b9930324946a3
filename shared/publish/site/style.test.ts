import { describe, expect, it } from 'vitest';
import { siteStylesheet } from './style';

describe('siteStylesheet', () => {
  it('follows the reader’s light or dark preference', () => {
    expect(siteStylesheet).toContain('color-scheme: light dark');
    expect(siteStylesheet).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root \{[^}]*--background:/);
  });

  it('loads nothing from anywhere: no imports, web fonts or url() references', () => {
    expect(siteStylesheet).not.toMatch(/@import|@font-face|url\(|https?:/i);
  });

  it('styles the classes the pages use, and its braces balance', () => {
    for (const name of ['site-header', 'site-title', 'site-footer', 'post-list', 'post-summary', 'find', 'find-meta', 'find-url', 'post-tags', 'tags', 'meta']) {
      expect(siteStylesheet).toContain(`.${name}`);
    }
    let depth = 0;
    for (const character of siteStylesheet) {
      if (character === '{') depth += 1;
      if (character === '}') depth -= 1;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
