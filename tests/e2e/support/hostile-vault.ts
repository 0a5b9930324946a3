/**
 * A zipped Markdown vault as a stranger might share it: raw HTML with scripts, handlers, frames, forms and
 * CSS that calls home; javascript:, vbscript: and data: links and images, as inline links, reference
 * links, autolinks and wiki links; hostile front matter and a hostile file name; an SVG attachment that
 * scripts; and files the import must refuse in words (too large, unsafe path, not text, app settings).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { canaryScript, dataHtmlUrl, hostileFragment, leakUrl, scriptUrl, scriptedSvg } from './hostile-payloads';

export interface HostileNote {
  /** The title the note list shows (from the file name). */
  title: string;
  /** Words of the body the editor must show. */
  marker: string;
}

export const hostileNotes: readonly HostileNote[] = [
  { title: 'Hostile note', marker: 'Vault marker plain-markdown' },
  { title: 'Raw HTML note', marker: 'Hostile body vault-raw-html' },
  { title: '<img src=x onerror=alert(1)> named note', marker: 'Vault marker file-name' },
];

/** What the import reports as skipped, in its words. */
export const vaultSkipWords = ['too large', 'unsafe path', 'not text', 'hidden or app settings'] as const;

/** Bigger than the import's 50 MB cap for one file, and declared so in the zip: refused before it is inflated. */
const oversizeBytes = 51 * 1024 * 1024;

function plainMarkdownNote(origin: string): string {
  const js = (name: string) => canaryScript(origin, `vault-md-${name}`);
  const url = (name: string) => scriptUrl(origin, `vault-md-${name}`);
  const leak = (kind: string) => leakUrl(origin, kind, 'vault-md');
  return `---
title: "<script>${js('front-matter-title')}</script>"
aliases: ["<img src=x onerror=${js('front-matter-alias')}>"]
tags: ["<script>${js('front-matter-tag')}</script>", "${url('front-matter-tag-url')}"]
---
# Hostile heading <script>${js('heading')}</script>

Vault marker plain-markdown, with an <img src="${origin}/img/missing.png" onerror="${js('inline-img')}"> inline.

[script link](${url('link')}) and [vb link](vbscript:msgbox(1)) and [data link](${dataHtmlUrl(origin, 'vault-md-data-link')})

![script image](${url('image')}) ![svg attachment](evil.svg) ![data svg](data:image/svg+xml;base64,${Buffer.from(scriptedSvg(origin, 'vault-md-data-svg')).toString('base64')})

<${url('autolink')}>

[[${url('wiki-link')}]] and [[Raw HTML note|<script>${js('wiki-label')}</script>]]

[reference link][hostile]

[hostile]: ${url('reference')}

<style>@import url(${leak('css-import')});</style>
<link rel="stylesheet" href="${leak('link-stylesheet')}">
<meta http-equiv="refresh" content="0;url=${leak('meta-refresh')}">
<iframe srcdoc="<script>${js('iframe-srcdoc')}</script>" src="${leak('iframe-src')}"></iframe>
<form action="${leak('form-action')}"><button formaction="${leak('formaction')}">Send</button></form>
<div style="background:url(${leak('css-inline-style')})">styled</div>
`;
}

/** Zip entries: the hostile notes, the SVG they embed, and four files the import must refuse. */
export function hostileVaultZip(origin: string): Uint8Array {
  const files: Zippable = {
    'Hostile note.md': strToU8(plainMarkdownNote(origin)),
    'Raw HTML note.md': strToU8(`Raw HTML below.\n\n${hostileFragment(origin, 'vault-raw-html')}\n`),
    '<img src=x onerror=alert(1)> named note.md': strToU8(`Vault marker file-name: the title came from a hostile file name.\n`),
    'evil.svg': strToU8(scriptedSvg(origin, 'vault-attachment')),
    // Refused in words: an oversized note (compresses to almost nothing), a path that climbs out of the
    // vault, binary bytes posing as a note, and the app's own settings folder.
    'huge.md': [new Uint8Array(oversizeBytes), { level: 1 }],
    '../escape.md': strToU8('This file would sit outside the vault.\n'),
    'binary.md': new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x3c, 0x73, 0x63, 0x72, 0x69, 0x70, 0x74, 0x3e]),
    '.obsidian/app.json': strToU8('{"theme":"<script>x</script>"}'),
  };
  return zipSync(files);
}
