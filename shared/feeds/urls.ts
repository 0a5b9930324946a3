/**
 * Links from feeds: made absolute against the right base, and reduced to a canonical form for
 * dedupe. Uses the WHATWG URL parser, which browsers and Node both provide.
 */

interface ParsedUrl {
  href: string;
  protocol: string;
  hostname: string;
  search: string;
  hash: string;
}
/**
 * The WHATWG URL global, declared here because shared/ compiles without DOM or Node typings (so it
 * cannot reach for `document` or `process` by accident). Module-scoped, so it does not clash with the
 * DOM's declaration when the tests' configuration type-checks this file.
 */
declare const URL: new (url: string, base?: string) => ParsedUrl;

function parse(href: string, base?: string): ParsedUrl | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

const isWeb = (url: ParsedUrl): boolean => (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';

/**
 * `href` made absolute against `base`, or undefined unless the result is an http(s) URL.
 *
 * Only http(s) survives: javascript:, data:, vbscript:, file: and friends are refused whatever their
 * spelling (the URL parser lowercases and strips the tabs and newlines used to smuggle them).
 * The base is the entry's own (xml:base, else the feed URL), never the app's origin (Miniflux 899):
 * a relative link with no usable base is dropped rather than pointed at Commonplace itself.
 */
export function resolveUrl(href: string | undefined, base?: string): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  const usableBase = base !== undefined && parse(base.trim()) !== undefined ? base.trim() : undefined;
  // A protocol-relative link with no base: https is the safe guess today.
  const candidate = usableBase === undefined && trimmed.startsWith('//') ? `https:${trimmed}` : trimmed;
  const url = parse(candidate, usableBase);
  return url && isWeb(url) ? url.href : undefined;
}

/** Query parameters that only say where a click came from. Compared lowercased. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'ref_src', 'ref_url', '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp',
  'hsctatracking', 'mkt_tok', '_ga', '_gl', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  'rb_clickid', 's_kwcid', 'wickedid', 'ncid', 'sr_share',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * The form of a URL used to recognise the same story: scheme and host lowercased, default port and
 * fragment dropped, tracking parameters removed, the remaining parameters sorted by name (stable,
 * so repeated names keep their order), an empty `?` dropped. Path case is kept: servers may be
 * case-sensitive. Parameters keep their original encoding so distinct values never merge.
 * Undefined when `url` is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string | undefined {
  const parsed = parse(url.trim());
  if (!parsed || !isWeb(parsed)) return undefined;
  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTracking(decodeName(pair.split('=')[0] ?? '')));
  const sorted = pairs
    .map((pair, index) => ({ pair, index, name: decodeName(pair.split('=')[0] ?? '') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map((entry) => entry.pair);
  parsed.hash = '';
  parsed.search = sorted.length ? `?${sorted.join('&')}` : '';
  return parsed.href;
}
