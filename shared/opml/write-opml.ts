// OPML export: an OPML 2.0 document another reader can import, and that parseOpml reads back to the
// same subscriptions (text fields are written in the normal form parseOpml produces).
import type { OpmlExportInput, OpmlSubscription } from './opml-types';
import { cleanText, escapeXml, splitCategories } from './opml-text';

const indent = (level: number): string => '  '.repeat(level);

function attribute(name: string, value: string | undefined): string {
  return value ? ` ${name}="${escapeXml(value)}"` : '';
}

function feedOutline(subscription: OpmlSubscription): string {
  // text is what OPML 2.0 requires and most readers show; title repeats it for readers that look there.
  const title = cleanText(subscription.title) || subscription.xmlUrl;
  const category = splitCategories((subscription.tags ?? []).join(',')).join(',');
  return (
    '<outline type="rss"' +
    attribute('text', title) +
    attribute('title', title) +
    attribute('xmlUrl', subscription.xmlUrl) +
    attribute('htmlUrl', subscription.htmlUrl) +
    attribute('description', cleanText(subscription.description ?? '')) +
    attribute('category', category) +
    '/>'
  );
}

function formatDate(date: Date | string): string {
  if (typeof date === 'string') return cleanText(date);
  // toUTCString gives RFC 1123 ("Tue, 07 Mar 2006 20:57:50 GMT"), the RFC 822 profile OPML 2.0 asks for.
  return Number.isNaN(date.getTime()) ? '' : date.toUTCString();
}

/**
 * Writes subscriptions as OPML 2.0, in the order given. Folders become nested outlines; a run of
 * consecutive feeds in one folder shares one folder outline, and a folder interrupted by feeds from
 * elsewhere is opened again later rather than reordering anything (readers merge folders by name).
 */
export function writeOpml(input: OpmlExportInput): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', `${indent(1)}<head>`];
  lines.push(`${indent(2)}<title>${escapeXml(cleanText(input.title))}</title>`);
  const dateCreated = formatDate(input.dateCreated);
  if (dateCreated) lines.push(`${indent(2)}<dateCreated>${escapeXml(dateCreated)}</dateCreated>`);
  lines.push(`${indent(1)}</head>`, `${indent(1)}<body>`);

  let open: string[] = []; // the folder outlines currently open, outermost first
  const closeTo = (depth: number): void => {
    for (let level = open.length - 1; level >= depth; level -= 1) lines.push(`${indent(level + 2)}</outline>`);
    open = open.slice(0, depth);
  };
  for (const subscription of input.subscriptions) {
    const path = subscription.folderPath.map(cleanText).filter((name) => name !== '');
    let shared = 0;
    while (shared < open.length && shared < path.length && open[shared] === path[shared]) shared += 1;
    closeTo(shared);
    for (let level = shared; level < path.length; level += 1) {
      const name = path[level]!;
      lines.push(`${indent(level + 2)}<outline${attribute('text', name)}${attribute('title', name)}>`);
    }
    open = path;
    lines.push(indent(path.length + 2) + feedOutline(subscription));
  }
  closeTo(0);
  lines.push(`${indent(1)}</body>`, '</opml>', '');
  return lines.join('\n');
}
