import { describe, expect, it } from 'vitest';
import { countStartTags, maxOpenDepth, openDepth } from './markup-size';

/** 2,000 open <b> then 8,000 <p>: 55 KB that parse5 took 12 s to parse. */
const nestingBomb = Array.from({ length: 2_000 }, (_, index) => `<b id=b${index}>`).join('') + '<p>x'.repeat(8_000);

describe('countStartTags', () => {
  it.each([
    ['', 0],
    ['plain text, a < b and 3<4', 0],
    ['<p>One</p><p>Two <b>bold</b><br></p>', 4],
    ['<!doctype html><!-- note --><html><body><IMG src=x></body></html>', 3],
  ])('counts %j as %i', (html, count) => {
    expect(countStartTags(html)).toBe(count);
  });

  it('stops just past the limit, however long the document', () => {
    const soup = '<b>x</b>'.repeat(2_000_000);
    const started = performance.now();
    expect(countStartTags(soup, 60_000)).toBe(60_001);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('starts afresh on every call', () => {
    expect(countStartTags('<a><b>', 1)).toBe(2);
    expect(countStartTags('<a><b>')).toBe(2);
  });
});

describe('openDepth', () => {
  it.each([
    ['', 0],
    ['<div><div><span>x</span></div></div>', 3],
    ['<DIV><Div>x', 2],
    ['<p>a<p>b<p>c', 0],
    ['<ul><li>a<li>b</ul><ul><li>c</ul>', 1],
    ['<br><img src=x><hr><input>', 0],
    ['<script>document.write("<div><div><div>")</script><style>a<b{}</style>', 0],
    ['<SCRIPT>"<div><div>"</script ><em>x</em>', 1],
    ['<!-- <div><div><div> --><b>x</b>', 1],
    ['<div><b></div><i>x', 2],
    ['</div></div><span>x', 1],
    ['<table><tr><td><b>x</b></td></tr></table>', 2],
  ])('reads %j as %i levels deep', (html, depth) => {
    expect(openDepth(html)).toBe(depth);
  });

  it('sees the nesting bomb at once, and stops just past the limit', () => {
    const started = performance.now();
    expect(openDepth(nestingBomb, maxOpenDepth)).toBe(maxOpenDepth + 1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('leaves room for real pages: Readability\'s corpus peaks at 32 levels', () => {
    expect(maxOpenDepth).toBeGreaterThanOrEqual(64);
  });
});
