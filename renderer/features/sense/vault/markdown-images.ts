/**
 * Markdown image references (`![alt](path)`) outside code, found and rewritten in the Markdown text
 * before it is parsed: a note may hold images only as web or data: URLs, so an image that points at a
 * file of the vault becomes a data: URL of that file first, or the parser keeps it as literal text.
 */

/** `![alt](<path with spaces> "title")` or `![alt](path "title")`; alt may hold escaped brackets. */
const imagePattern = /!\[((?:\\.|[^\\\]\n])*)\]\(\s*(<[^>\n]*>|[^\s()]+)(\s+"(?:\\.|[^"\\\n])*")?\s*\)/g;

/** Fenced code blocks (``` or ~~~, to the matching fence or the end) and inline code spans. */
const codePattern = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)|(`+)(?:(?!\3)[\s\S])+?\3/gm;

export interface ImageReference {
  alt: string;
  /** As written, without the angle brackets. */
  src: string;
}

/**
 * Replaces the destination of every image outside code for which `replace` returns a new one;
 * everything else, code included, is left byte for byte.
 */
export function rewriteImageSources(markdown: string, replace: (image: ImageReference) => string | undefined): string {
  const rewrite = (text: string) =>
    text.replace(imagePattern, (whole: string, alt: string, rawSrc: string, title: string | undefined) => {
      const src = rawSrc.startsWith('<') ? rawSrc.slice(1, -1) : rawSrc;
      const next = replace({ alt, src });
      return next === undefined ? whole : `![${alt}](${next}${title ?? ''})`;
    });
  let out = '';
  let last = 0;
  for (const code of markdown.matchAll(codePattern)) {
    out += rewrite(markdown.slice(last, code.index)) + code[0];
    last = code.index + code[0].length;
  }
  return out + rewrite(markdown.slice(last));
}
