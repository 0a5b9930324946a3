/**
 * Safe HTML building for the published pages, without a DOM. Every page is written through the `html`
 * tag below: an interpolated string is always escaped, and only a `SafeHtml` value (made by `html` itself
 * or, for sanitised upstream HTML, by `trustedHtml`) goes in as markup. Forgetting to escape then takes
 * an explicit, greppable call rather than a missing one.
 */
import { resolveUrl } from '../../feeds/urls';

// C0 and C1 controls (tab, newline and carriage return kept), DEL, U+FFFE/U+FFFF and unpaired surrogates:
// HTML5 makes them parse errors, XML 1.0 (which the sitemap shares this escaper with) forbids most of them,
// and a lone surrogate cannot be written as UTF-8 at all. None belongs in published text.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and for single- or double-quoted attributes, in HTML and XML alike. */
export function escapeHtml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (character) => REPLACEMENTS[character]!);
}

const CONSTRUCTION = Symbol('SafeHtml');

/** Markup known to be safe. Constructed only here (`html`, `trustedHtml`), so a plain string never passes as one. */
export class SafeHtml {
  readonly #markup: string;
  constructor(markup: string, token: typeof CONSTRUCTION) {
    if (token !== CONSTRUCTION) throw new Error('SafeHtml is made with html`…` or trustedHtml()');
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

/** What may be interpolated: text (escaped), markup, lists of either, and nothing (`undefined`, `false`). */
export type HtmlValue = SafeHtml | string | number | undefined | null | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: the literal parts are markup, every interpolation is escaped unless it is SafeHtml. */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = literals[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (literals[index + 1] ?? '');
  });
  return new SafeHtml(markup, CONSTRUCTION);
}

/** HTML that was sanitised upstream (a post's bodyHtml): inserted as is, so name the trust where it is granted. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup, CONSTRUCTION);
}

/** Joins pieces of markup with a separator that is itself markup (for example `, ` or a newline). */
export function joinHtml(pieces: readonly SafeHtml[], separator: string): SafeHtml {
  return new SafeHtml(pieces.map(String).join(separator), CONSTRUCTION);
}

/** Pieces of markup one per line, the empty ones left out (so optional parts leave no blank lines). */
export function lines(...pieces: readonly (SafeHtml | undefined | false)[]): SafeHtml {
  return joinHtml(
    pieces.filter((piece): piece is SafeHtml => piece instanceof SafeHtml && piece.toString() !== ''),
    '\n',
  );
}

/**
 * The address as a link target, or undefined unless it is an absolute http(s) URL: javascript:, data:
 * and relative addresses in content must never become a link on a published page.
 */
export function webUrl(url: string | undefined): string | undefined {
  return resolveUrl(url);
}

/**
 * Plain text as paragraphs: blank lines separate paragraphs, single line breaks stay line breaks
 * (commentary and quotes are typed, not authored as HTML).
 */
export function paragraphs(text: string): SafeHtml {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return joinHtml(
    blocks.map((block) => html`<p>${joinHtml(block.split('\n').map((line) => html`${line.trim()}`), '<br>\n')}</p>`),
    '\n',
  );
}
