import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeEntities } from '../../html-entities';
import type { PublishedFind, SitePost } from '../site-model';
import { escapeMarkdownInline, renderGeneratorPost, renderGeneratorSite, type GeneratorKind } from './static-generator';

const find = (extra: Partial<PublishedFind> = {}): PublishedFind => ({
  key: 'item:1',
  title: 'A good article',
  url: 'https://news.example/a',
  commentary: 'Worth reading.',
  ...extra,
});

const post = (extra: Partial<SitePost> = {}): SitePost => ({
  id: 'd-1',
  kind: 'digest',
  slug: 'finds-20-november-2026',
  title: 'Finds, 20 November',
  summary: 'Three things.',
  bodyHtml: '<p>This week.</p>',
  bodyMarkdown: 'This week, *three* things.',
  finds: [find()],
  tags: ['reading', 'area/topic'],
  // Late evening UTC: a local-time bug would move the Jekyll file to another day somewhere.
  publishedAt: Date.UTC(2026, 10, 20, 23, 30),
  updatedAt: Date.UTC(2026, 10, 21, 8, 0, 0, 250),
  ...extra,
});

/** What a reader sees of rendered HTML: the text, with `<br>` as a newline and references decoded. */
const visibleText = (rendered: string): string => decodeEntities(rendered.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));

/** The front matter as the file's first `---` block, parsed back, and the Markdown after it. */
function split(content: string): { data: Record<string, unknown>; yamlText: string; body: string } {
  const match = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(content);
  expect(match, content).not.toBeNull();
  const [, yamlText, body] = match!;
  return { data: parse(yamlText!) as Record<string, unknown>, yamlText: yamlText!, body: body! };
}

describe('renderGeneratorPost paths', () => {
  it('puts a Hugo post in content/posts and a Jekyll post in _posts under its UTC publication day', () => {
    expect(renderGeneratorPost('hugo', post()).path).toBe('content/posts/finds-20-november-2026.md');
    expect(renderGeneratorPost('jekyll', post()).path).toBe('_posts/2026-11-20-finds-20-november-2026.md');
  });

  it('refuses a slug that could leave the folder', () => {
    expect(() => renderGeneratorPost('hugo', post({ slug: '../../config' }))).toThrow(/cannot be a file name/);
  });
});

describe('front matter', () => {
  it('gives Hugo title, dates, tags, draft, slug, url and the find links', () => {
    const { data, yamlText } = split(renderGeneratorPost('hugo', post({ finds: [find(), find({ key: 'b', url: 'javascript:alert(1)' }), find({ key: 'c', url: 'https://other.example/x?a=1&b=(2)' })] })).content);
    expect(data).toEqual({
      title: 'Finds, 20 November',
      date: '2026-11-20T23:30:00Z',
      lastmod: '2026-11-21T08:00:00.250Z',
      description: 'Three things.',
      tags: ['reading', 'area/topic'],
      draft: false,
      slug: 'finds-20-november-2026',
      url: '/posts/finds-20-november-2026/',
      links: ['https://news.example/a', 'https://other.example/x?a=1&b=(2)'],
    });
    // Dates plain, as Hugo's and Jekyll's documentation write them, so YAML 1.1 readers see timestamps.
    expect(yamlText).toContain('\ndate: 2026-11-20T23:30:00Z\n');
  });

  it('gives Jekyll last_modified_at and a permalink at the same address Hugo uses', () => {
    const { data } = split(renderGeneratorPost('jekyll', post()).content);
    expect(data).toEqual({
      title: 'Finds, 20 November',
      date: '2026-11-20T23:30:00Z',
      last_modified_at: '2026-11-21T08:00:00.250Z',
      description: 'Three things.',
      tags: ['reading', 'area/topic'],
      draft: false,
      permalink: '/posts/finds-20-november-2026/',
      links: ['https://news.example/a'],
    });
  });

  const hostileTitles = [
    'Re: "quoted" — it\'s: a title',
    '---',
    '--- leading marker',
    'key: value # not a comment',
    'yes',
    'no',
    'on',
    'null',
    '~',
    '2026-11-20',
    '0o17',
    '1e3',
    '[not, a, list]',
    '{not: a map}',
    '&anchor *alias !tag %directive @at `tick`',
    '> folded | literal',
    '  padded  ',
    'two\nlines\n---\nthree',
    '{{ site.title }} {% raw %}',
    'back\\slash "and" \'quotes\' \t tab',
    '😀 émoji',
  ];

  it.each(['hugo', 'jekyll'] as GeneratorKind[])('round-trips hostile titles and tags exactly (%s)', (kind) => {
    for (const title of hostileTitles) {
      const { data, yamlText } = split(renderGeneratorPost(kind, post({ title, summary: title, tags: [title.trim() || 'x'] })).content);
      expect(data.title).toBe(title);
      expect(data.description).toBe(title.trim());
      expect(data.tags).toEqual([title.trim()]);
      // No line of the front matter can end it early.
      expect(yamlText.split('\n')).not.toContain('---');
      // Every string quoted, so YAML 1.1 readers (Psych, go-yaml) see strings, not booleans or dates.
      expect(yamlText).toMatch(/^title: "/m);
    }
  });
});

describe('Markdown body', () => {
  it('writes the post’s Markdown, then each find as a section with link, quote, commentary and credit', () => {
    const { body } = split(
      renderGeneratorPost(
        'hugo',
        post({
          finds: [
            find({ quote: 'First line\nsecond line\n\nNext paragraph', commentary: 'One.\n\nTwo.', sourceTitle: 'The Source', author: 'Bo' }),
            find({ key: 'item:2', title: 'No credit', url: undefined, commentary: 'Plain.' }),
          ],
        }),
      ).content,
    );
    expect(body).toBe(
      [
        '',
        'This week, *three* things.',
        '',
        '### [A good article](https://news.example/a)',
        '',
        '> First line  ',
        '> second line',
        '>',
        '> Next paragraph',
        '',
        'One.',
        '',
        'Two.',
        '',
        '*The Source — Bo*',
        '',
        '### No credit',
        '',
        'Plain.',
        '',
      ].join('\n'),
    );
  });

  it('escapes brackets and backslashes in link text, and keeps the destination in one piece', () => {
    expect(escapeMarkdownInline('a [b] \\ c')).toBe('a \\[b\\] \\\\ c');
    const { body } = split(renderGeneratorPost('hugo', post({ finds: [find({ title: 'Arrays [1] and \\escapes](javascript:x)', url: 'https://w.example/Foo_(bar) baz' })] })).content);
    expect(body).toContain('### [Arrays \\[1\\] and \\\\escapes\\](javascript:x)](https://w.example/Foo_%28bar%29%20baz)');
    // A CommonMark reader sees one link, with the whole title as its text.
    const rendered = marked.parse(body, { async: false });
    expect(rendered).toContain('<a href="https://w.example/Foo_%28bar%29%20baz">Arrays [1] and \\escapes](javascript:x)</a>');
    expect(rendered).not.toContain('href="javascript');
  });

  it('never emits raw HTML, Liquid or shortcodes from find text', () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(1)> {{ site.secret }} {% include x.html %} {{< shortcode >}} {{% sc %}} &lt;';
    const { body } = split(
      renderGeneratorPost('jekyll', post({ bodyMarkdown: '', finds: [find({ title: hostile, commentary: hostile, quote: hostile, sourceTitle: hostile, author: hostile })] })).content,
    );
    expect(body).not.toMatch(/<[a-z!/]/i);
    expect(body).not.toMatch(/\{\{|\{%/);
    const rendered = marked.parse(body, { async: false });
    expect(rendered).not.toMatch(/<script|<img|<[^>]*onerror/i);
    // The reader still sees exactly the text that was written, in every place it went.
    expect(visibleText(rendered).split(hostile).length - 1).toBe(5);
    expect(visibleText(rendered)).toContain(`${hostile} — ${hostile}`);
  });

  it('keeps plain-text commentary from turning into Markdown structure', () => {
    const commentary = '# not a heading\n1. not a list\n- nor this\n    not code\n---\n~~~\n*not emphasis* and snake_case | pipe $$x$$';
    const { body } = split(renderGeneratorPost('hugo', post({ bodyMarkdown: '', finds: [find({ commentary })] })).content);
    const rendered = marked.parse(body, { async: false });
    expect(rendered).not.toMatch(/<h1|<ol|<ul|<pre|<hr|<em|<code|<table/);
    expect(visibleText(rendered)).toContain(commentary.replace('    ', ''));
  });

  it('does not link a find whose address is not http(s)', () => {
    const { body } = split(renderGeneratorPost('hugo', post({ finds: [find({ title: 'Trap', url: 'javascript:alert(1)' }), find({ key: 'd', title: '', url: 'data:text/html,x' })] })).content);
    expect(body).toContain('### Trap\n');
    expect(body).not.toMatch(/\]\(/);
    expect(marked.parse(body, { async: false })).not.toMatch(/href=/);
  });

  it('writes a note as its Markdown alone', () => {
    const { body } = split(renderGeneratorPost('jekyll', post({ kind: 'note', finds: [], bodyMarkdown: '# My note\n\nText with [[a link]](other.md).' })).content);
    expect(body).toBe('\n# My note\n\nText with [[a link]](other.md).\n');
  });
});

describe('renderGeneratorSite', () => {
  const posts = [post({ id: 'b', slug: 'b-post', publishedAt: Date.UTC(2026, 0, 2) }), post({ id: 'a', slug: 'a-post', publishedAt: Date.UTC(2026, 5, 1) })];

  it('writes one file per post, sorted by path, the same bytes every time', () => {
    expect(renderGeneratorSite('jekyll', posts).map((file) => file.path)).toEqual(['_posts/2026-01-02-b-post.md', '_posts/2026-06-01-a-post.md']);
    expect(renderGeneratorSite('hugo', posts).map((file) => file.path)).toEqual(['content/posts/a-post.md', 'content/posts/b-post.md']);
    expect(renderGeneratorSite('hugo', [...posts].reverse())).toEqual(renderGeneratorSite('hugo', posts));
  });

  it('refuses two posts with one slug, even on different days', () => {
    expect(() => renderGeneratorSite('jekyll', [post({ publishedAt: 0 }), post({ id: 'x', publishedAt: Date.UTC(2027, 0, 1) })])).toThrow(/share the slug/);
  });
});
