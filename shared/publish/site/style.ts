/**
 * style.css, the site's one stylesheet. System fonts only: a published page makes no request to anyone
 * else's server, and reads the same offline. Colours follow the reader's light or dark preference.
 */
export const siteStylesheet = `/* Commonplace: published site */

:root {
  color-scheme: light dark;
  --text: #1f2328;
  --muted: #59636e;
  --background: #fdfdfc;
  --surface: #f3f2ee;
  --rule: #d8d6cf;
  --link: #0b5cad;
  --link-visited: #6a3d9a;
  --quote: #8a6d3b;
  --measure: 42rem;
}

@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6e4df;
    --muted: #a3a09a;
    --background: #17181a;
    --surface: #222326;
    --rule: #3a3b3f;
    --link: #7cb7ff;
    --link-visited: #c6a6f2;
    --quote: #d6b46f;
  }
}

*,
*::before,
*::after {
  box-sizing: border-box;
}

html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}

body {
  margin: 0 auto;
  max-width: var(--measure);
  padding: 1.5rem 1.25rem 3rem;
  background: var(--background);
  color: var(--text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
  overflow-wrap: break-word;
}

a {
  color: var(--link);
  text-underline-offset: 0.15em;
}

a:visited {
  color: var(--link-visited);
}

a:focus-visible {
  outline: 2px solid var(--link);
  outline-offset: 2px;
}

h1,
h2,
h3 {
  line-height: 1.25;
}

h1 {
  font-size: 1.9rem;
  margin: 0.5rem 0 0.25rem;
}

h2 {
  font-size: 1.3rem;
  margin: 1.75rem 0 0.35rem;
}

img,
video {
  max-width: 100%;
  height: auto;
}

pre,
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  font-size: 0.92em;
}

pre {
  overflow-x: auto;
  padding: 0.75rem 1rem;
  background: var(--surface);
  border-radius: 6px;
}

blockquote {
  margin: 0.75rem 0;
  padding: 0.1rem 1rem;
  border-left: 3px solid var(--quote);
  background: var(--surface);
  font-style: italic;
}

hr {
  border: 0;
  border-top: 1px solid var(--rule);
  margin: 2rem 0;
}

/* Frame */

.site-header {
  padding-bottom: 0.75rem;
  border-bottom: 1px solid var(--rule);
  margin-bottom: 1.5rem;
}

.site-title {
  font-weight: 700;
  text-decoration: none;
  color: var(--text);
}

.site-title:visited {
  color: var(--text);
}

.site-description,
.meta,
.find-meta,
.find-url,
.empty {
  color: var(--muted);
}

.meta,
.find-meta {
  font-size: 0.9rem;
  margin: 0 0 0.75rem;
}

.site-footer {
  margin-top: 3rem;
  padding-top: 0.75rem;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.9rem;
}

/* Lists of posts */

.post-list {
  list-style: none;
  padding: 0;
  margin: 1.5rem 0;
}

.post-summary {
  padding: 0.5rem 0 1rem;
  border-bottom: 1px solid var(--rule);
}

.post-summary h2 {
  margin-top: 0.5rem;
}

/* A post and its finds */

.post-body {
  margin-bottom: 2rem;
}

.find {
  margin: 2rem 0;
  padding-top: 1rem;
  border-top: 1px solid var(--rule);
}

.find h2 {
  margin-top: 0;
}

.find-url {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 0.85rem;
  word-break: break-all;
}

.find:target {
  outline: 2px solid var(--quote);
  outline-offset: 0.5rem;
}

/* Tags */

.tags ul,
.post-tags {
  list-style: none;
  padding: 0;
  display: flex;
  flex-wrap: wrap;
  gap: 0.4rem 0.6rem;
}

.tags li,
.post-tags li {
  padding: 0.1rem 0.6rem;
  border: 1px solid var(--rule);
  border-radius: 999px;
  font-size: 0.9rem;
}

.back {
  margin-top: 2rem;
}

@media print {
  .site-footer,
  .back {
    display: none;
  }

  a {
    color: inherit;
  }
}
`;
