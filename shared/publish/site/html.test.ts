import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, lines, paragraphs, SafeHtml, trustedHtml, webUrl } from './html';

describe('escapeHtml', () => {
  it('escapes the five markup characters, for text and either kind of quoted attribute', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('escapes an existing reference again, so text shows exactly as typed', () => {
    expect(escapeHtml('&amp; &lt;')).toBe('&amp;amp; &amp;lt;');
  });

  it('drops control characters and unpaired surrogates but keeps tabs, newlines and astral characters', () => {
    expect(escapeHtml('a\u0000b\u0007c\u0085d\uFFFEe\uD800f\tg\nh😀')).toBe('abcdef\tg\nh😀');
  });
});

describe('html`…`', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = '"><img src=x onerror=alert(1)>';
    expect(html`<a title="${title}">${title}</a>`.toString()).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a>',
    );
  });

  it('inserts SafeHtml as markup, flattens lists, and writes nothing for undefined, null and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[html`<br>`, '&']}${undefined}${null}${false}${3}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b><br>&amp;3</p>');
  });

  it('lets only trustedHtml put a plain string in as markup', () => {
    expect(html`<div>${trustedHtml('<em>ok</em>')}</div>`.toString()).toBe('<div><em>ok</em></div>');
    // A SafeHtml cannot be forged from outside this module.
    expect(() => new SafeHtml('<script></script>', Symbol('SafeHtml') as never)).toThrow();
  });

  it('joins markup and drops empty pieces from lines()', () => {
    expect(joinHtml([html`<a>`, html`<b>`], ' · ').toString()).toBe('<a> · <b>');
    expect(lines(html`<a>`, undefined, false, html``, html`<b>`).toString()).toBe('<a>\n<b>');
  });
});

describe('webUrl', () => {
  it.each([
    ['https://example.com/a?b=1&c=2', 'https://example.com/a?b=1&c=2'],
    ['  http://Example.COM  ', 'http://example.com/'],
    ['https://example.com/"onmouseover="x', 'https://example.com/%22onmouseover=%22x'],
  ])('keeps http(s) %j', (input, expected) => {
    expect(webUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '/relative/path', 'mailto:a@b.c', '', undefined])(
    'refuses %j',
    (input) => {
      expect(webUrl(input)).toBeUndefined();
    },
  );
});

describe('paragraphs', () => {
  it('splits on blank lines, keeps single line breaks, and escapes the text', () => {
    expect(paragraphs('one <b>\ntwo\r\n\r\n  \n three & four\n\n').toString()).toBe('<p>one &lt;b&gt;<br>\ntwo</p>\n<p>three &amp; four</p>');
  });

  it('gives nothing for blank text', () => {
    expect(paragraphs(' \n\n ').toString()).toBe('');
  });
});
