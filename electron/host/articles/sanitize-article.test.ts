import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { absoluteAddress, absoluteSrcset, sanitizeArticleHtml } from './sanitize-article';

const base = 'https://example.org/posts/2024/story.html';

/** Every element and attribute in sanitised output, for checks that string matching could miss. */
function inventory(html: string): { tags: Set<string>; attributes: { tag: string; name: string; value: string }[] } {
  const fragment = JSDOM.fragment(html);
  const tags = new Set<string>();
  const attributes: { tag: string; name: string; value: string }[] = [];
  for (const element of fragment.querySelectorAll('*')) {
    tags.add(element.localName);
    for (const attribute of element.attributes) attributes.push({ tag: element.localName, name: attribute.name, value: attribute.value });
  }
  return { tags, attributes };
}

const hostile: [string, string][] = [
  ['script', '<p>a</p><script>alert(1)</script><script src="evil.js"></script>'],
  ['img onerror', '<img src="x.png" onerror="alert(1)">'],
  ['onclick', '<p onclick="alert(1)" onmouseover="alert(2)">click</p>'],
  ['javascript: href', '<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a><a href="jav&#x09;ascript:alert(1)">z</a>'],
  ['vbscript: href', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data: src', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"><a href="data:text/html,<script>alert(1)</script>">d</a>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe><iframe src="https://evil.example/"></iframe>'],
  ['svg onload', '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)">s</a></svg>'],
  ['math', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['style element and attribute', '<style>body{background:url(javascript:alert(1))}</style><p style="width: expression(alert(1)); background: url(javascript:alert(2))">s</p>'],
  ['form', '<form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(1)">go</button></form>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="javascript:alert(1)//"><a href="x">x</a>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['object and embed', '<object data="evil.swf"></object><embed src="evil.swf">'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  ['svg style mXSS', '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>'],
  ['srcset with javascript', '<img src="ok.png" srcset="a.png 1x, javascript:alert(1) 2x, data:image/png;base64,AAAA 3x">'],
  ['template', '<template><img src=x onerror=alert(1)></template>'],
  ['DOM clobbering', '<img name="cookie" id="body" src="a.png"><form id="location"></form>'],
];

describe('sanitizeArticleHtml: hostile markup', () => {
  it.each(hostile)('%s: nothing executable survives', (_name, html) => {
    const output = sanitizeArticleHtml(html, base);
    const { tags, attributes } = inventory(output);
    for (const banned of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'svg', 'math', 'meta', 'base', 'link', 'template', 'noscript']) {
      expect(tags.has(banned), `<${banned}> in ${output}`).toBe(false);
    }
    for (const { name, value } of attributes) {
      expect(name).not.toMatch(/^on|^style$|^srcdoc$|^action$|^formaction$|^id$|^name$|^xlink:href$/);
      if (name === 'href' || name === 'src' || name === 'cite') expect(value).toMatch(/^(?:https?:\/\/|mailto:)/);
      if (name === 'srcset') for (const candidate of value.split(', ')) expect(candidate).toMatch(/^https?:\/\//);
    }
    expect(output.toLowerCase()).not.toMatch(/javascript:|vbscript:|data:|expression\(|onerror|onload|onclick/);
  });
});

describe('sanitizeArticleHtml: article markup', () => {
  it('keeps the markup of an article', () => {
    const html = [
      '<h2>Heading</h2><p>A <em>very</em> <strong>good</strong> point<sup>1</sup> and H<sub>2</sub>O.</p>',
      '<figure><img src="photo.jpg" alt="A photo" width="640" height="480"><figcaption>Caption</figcaption></figure>',
      '<ul><li>one</li></ul><ol start="3"><li>three</li></ol><blockquote cite="/source">Quoted</blockquote>',
      '<pre><code>let x = 1;</code></pre><hr><table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">D</td></tr></tbody></table>',
    ].join('');
    const output = sanitizeArticleHtml(html, base);
    const { tags } = inventory(output);
    for (const kept of ['h2', 'p', 'em', 'strong', 'sup', 'sub', 'figure', 'img', 'figcaption', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']) {
      expect(tags.has(kept), `<${kept}> kept`).toBe(true);
    }
    expect(output).toContain('<img src="https://example.org/posts/2024/photo.jpg" alt="A photo" width="640" height="480">');
    expect(output).toContain('<ol start="3">');
    expect(output).toContain('<blockquote cite="https://example.org/source">');
    expect(output).toContain('<td colspan="2">D</td>');
  });

  it('makes every link, image and srcset absolute against the page address', () => {
    const html =
      '<a href="next.html">n</a><a href="/about">a</a><a href="//cdn.example.net/x">c</a><a href="#notes">h</a>' +
      '<a href="mailto:me@example.org">m</a><img src="../img/a.png" srcset="a-1x.png 1x, /img/a-2x.png 2x, https://cdn.example.net/a.png 640w">';
    const output = sanitizeArticleHtml(html, base);
    expect(output).toContain('href="https://example.org/posts/2024/next.html"');
    expect(output).toContain('href="https://example.org/about"');
    expect(output).toContain('href="https://cdn.example.net/x"');
    expect(output).toContain('href="https://example.org/posts/2024/story.html#notes"');
    expect(output).toContain('href="mailto:me@example.org"');
    expect(output).toContain('src="https://example.org/posts/img/a.png"');
    expect(output).toContain(
      'srcset="https://example.org/posts/2024/a-1x.png 1x, https://example.org/img/a-2x.png 2x, https://cdn.example.net/a.png 640w"',
    );
  });

  it('drops an image whose only address was unsafe, but keeps the text of an unsafe link', () => {
    const output = sanitizeArticleHtml('<p><img src="data:image/png;base64,AAAA" alt="x"><a href="javascript:void(0)">read on</a></p>', base);
    expect(output).toBe('<p><a>read on</a></p>');
  });
});

describe('address helpers', () => {
  it.each([
    ['page.html', 'https://example.org/posts/2024/page.html'],
    ['  /trimmed ', 'https://example.org/trimmed'],
    ['', undefined],
    ['ftp://example.org/file', undefined],
    ['blob:https://example.org/uuid', undefined],
    ['http://[bad', undefined],
  ])('absoluteAddress(%j)', (value, expected) => {
    expect(absoluteAddress(value, base)).toBe(expected);
  });

  it('parses srcset by the HTML rules: commas inside URLs, odd descriptors', () => {
    expect(absoluteSrcset('img.php?w=1,2 1.5x,other.png', base)).toBe('https://example.org/posts/2024/img.php?w=1,2 1.5x, https://example.org/posts/2024/other.png');
    expect(absoluteSrcset('a.png evil-descriptor', base)).toBe('https://example.org/posts/2024/a.png');
    expect(absoluteSrcset('  ,, ', base)).toBe('');
  });
});
