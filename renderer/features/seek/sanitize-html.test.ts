import { afterEach, describe, expect, it } from 'vitest';
import { isWebUrl, safeUrl, sanitizeHtml } from './sanitize-html';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Sanitises, then mounts the result the way the reader does, and returns the live DOM. */
function mount(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = sanitizeHtml(html);
  document.body.append(host);
  return host;
}

const hostile = [
  '<script>window.__pwned = 1</script>',
  '<img src="https://example.com/x.png" onerror="window.__pwned = 1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<a href=" JaVaScRiPt:alert(1)">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<style>body { display: none }</style>',
  '<p style="position:fixed;inset:0">cover</p>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<div onclick="alert(1)" onmouseover="alert(1)">hover</div>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<img src="data:text/html;base64,PHNjcmlwdD4=">',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
];

describe('sanitizeHtml', () => {
  it.each(hostile)('neutralises %s', (html) => {
    const dom = mount(html);
    const all = [dom, ...dom.querySelectorAll('*')];
    for (const node of all) {
      for (const attribute of node.getAttributeNames()) {
        expect(attribute.startsWith('on'), `${attribute} on <${node.tagName}>`).toBe(false);
        expect(attribute).not.toBe('style');
        expect(node.getAttribute(attribute) ?? '').not.toMatch(/^\s*(javascript|data:text)/i);
      }
    }
    expect(dom.querySelector('script, style, iframe, form, input, button, object, embed, svg, math, meta, base')).toBeNull();
    expect((window as unknown as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('keeps ordinary content, and makes links open outside without a referrer', () => {
    const dom = mount('<h2>Title</h2><p>Text with <a href="https://example.com/a">a link</a> and <img src="https://example.com/i.png" alt="pic"></p>');
    expect(dom.querySelector('h2')?.textContent).toBe('Title');
    const link = dom.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    const image = dom.querySelector('img')!;
    expect(image.getAttribute('src')).toBe('https://example.com/i.png');
    expect(image.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it("never lets a story take the app's ids or classes", () => {
    const dom = mount('<h2 id="river-title" class="seek-toast" name="x">Clobber</h2>');
    const heading = dom.querySelector('h2')!;
    expect(heading.getAttributeNames()).toEqual([]);
  });

  it('drops relative links, which would point into the app', () => {
    const dom = mount('<a href="/settings">in-app</a><img src="../x.png">');
    expect(dom.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(dom.querySelector('img')?.hasAttribute('src')).toBe(false);
  });
});

describe('safeUrl and isWebUrl', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['/relative', false],
    ['mailto:a@example.com', false],
    [undefined, false],
  ])('%s is a web URL: %s', (url, expected) => {
    expect(isWebUrl(url)).toBe(expected);
  });

  it('allows mailto in content links and raster data images only', () => {
    expect(safeUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeUrl('data:image/png;base64,AAAA', new Set(['data:']))).toBe('data:image/png;base64,AAAA');
    expect(safeUrl('data:image/svg+xml;base64,AAAA', new Set(['data:']))).toBeUndefined();
  });
});
