// The Markdown export as a Hugo user meets it: dropped into a site, `hugo` builds it without complaint,
// every post lands at /posts/<slug>/, the commentary is on the page, hostile titles stay text, and a
// wiki link between two published notes is a relative link that leads to the other post.
// Runs where Hugo is installed (.ci/run installs Debian's hugo); elsewhere it says why it did not run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SitePost } from '../../shared/publish/site-model';
import { renderGeneratorSite } from '../../shared/publish/markdown/static-generator';

function hugoPath(): string | undefined {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return 'hugo';
  } catch {
    return undefined;
  }
}

const hugo = hugoPath();
if (!hugo) console.warn('hugo-build.test: Hugo is not installed (apt-get install -y hugo), so the Hugo build check did not run.');

const post = (overrides: Partial<SitePost>): SitePost => ({
  id: 'p',
  kind: 'note',
  slug: 'p',
  title: 'P',
  summary: '',
  bodyHtml: '',
  bodyMarkdown: '',
  finds: [],
  tags: [],
  publishedAt: Date.UTC(2026, 10, 20, 12),
  updatedAt: Date.UTC(2026, 10, 21, 9),
  ...overrides,
});

describe.runIf(hugo)('Hugo builds the Markdown export', () => {
  it('as it is: posts at their addresses, commentary shown, links between posts working', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'hugo-site-'));
    await writeFile(path.join(site, 'hugo.toml'), 'baseURL = "https://me.example/"\ntitle = "Finds"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n');
    await mkdir(path.join(site, 'layouts', '_default'), { recursive: true });
    // The smallest theme there is: the page's title and content.
    await writeFile(path.join(site, 'layouts', '_default', 'single.html'), '<h1>{{ .Title }}</h1>\n{{ .Content }}\n');
    await writeFile(path.join(site, 'layouts', '_default', 'list.html'), '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n');
    const files = renderGeneratorSite('hugo', [
      post({
        id: 'd1',
        kind: 'digest',
        slug: 'finds-20-november-2026',
        title: 'Finds: "memory" & <attention> --- {{< shortcode >}}',
        bodyMarkdown: 'Three reads on memory.',
        tags: ['finds', 'area/topic'],
        finds: [
          { key: 'item:1', title: 'On [reading] *slowly*', url: 'https://blog.example/1', commentary: 'Worth it for the second half.', sourceTitle: 'The Blog' },
          { key: 'item:2', title: 'A quote', url: 'https://blog.example/2', quote: 'Notes are for thinking.', commentary: 'Yes: {% raw %} and all.' },
        ],
      }),
      post({ id: 'n1', slug: 'reading-habits', title: 'Reading habits', bodyMarkdown: 'See [Spaced repetition](../spaced-repetition/) for why.' }),
      post({ id: 'n2', slug: 'spaced-repetition', title: 'Spaced repetition', bodyMarkdown: 'Review at growing intervals.' }),
    ]);
    for (const file of files) {
      await mkdir(path.dirname(path.join(site, file.path)), { recursive: true });
      await writeFile(path.join(site, file.path), file.content);
    }

    const output = execFileSync(hugo!, ['--source', site, '--destination', path.join(site, 'public'), '--quiet', '--panicOnWarning'], { encoding: 'utf8' });
    expect(output).not.toMatch(/ERROR|WARN/);

    const digest = await readFile(path.join(site, 'public', 'posts', 'finds-20-november-2026', 'index.html'), 'utf8');
    expect(digest).toContain('Worth it for the second half.');
    expect(digest).toContain('<a href="https://blog.example/1">On [reading] *slowly*</a>');
    expect(digest).toContain('Notes are for thinking.');
    expect(digest).not.toContain('<attention>');
    expect(digest).not.toContain('shortcode >}}</');

    const habits = await readFile(path.join(site, 'public', 'posts', 'reading-habits', 'index.html'), 'utf8');
    const href = /href="([^"]*spaced-repetition[^"]*)"/.exec(habits)?.[1];
    expect(href).toBe('../spaced-repetition/');
    const target = path.join(site, 'public', 'posts', 'reading-habits', href!, 'index.html');
    expect(existsSync(target)).toBe(true);
  });
});
