import { expect, it } from 'vitest';
import { publishableHtml } from './publishable-html';

it('keeps links between posts relative and drops whatever could run or leave the site oddly', () => {
  const dirty = [
    '<p>See <a href="spaced-repetition.html">this</a>, <a href="other.html#find-item-1">that</a> and <a href="https://example.com/x">the source</a>.</p>',
    '<p><a href="javascript:alert(1)">bad</a> <a href="../../etc/passwd">climb</a> <a href="/root.html">root</a> <a href="data:text/html,x">data</a></p>',
    '<script>window.canary = 1</script><img src="x" onerror="window.canary = 2"><img src="data:image/png;base64,AAAA">',
    '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"></form><p style="color:red" id="app" class="x">styled</p>',
  ].join('');
  const clean = publishableHtml(dirty);
  expect(clean).toContain('<a href="spaced-repetition.html">this</a>');
  expect(clean).toContain('<a href="other.html#find-item-1">that</a>');
  expect(clean).toContain('<a href="https://example.com/x">the source</a>');
  for (const gone of ['javascript:', '../../etc', '/root.html', 'data:text', '<script', 'onerror', '<iframe', '<form', '<input', 'style=', 'id="app"', 'class=']) {
    expect(clean).not.toContain(gone);
  }
  expect(clean).toContain('<img src="data:image/png;base64,AAAA">');
});
