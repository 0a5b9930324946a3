/**
 * Which addresses a note may hold. Notes are imported from vaults and pasted from the web, so a
 * `javascript:` link or an `file:` image must never reach the document, whatever path it came in by.
 */

/** Links: web and mail addresses only. */
export function isAllowedLinkHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/** Images: web addresses and data: URLs of images (what pasted pictures become). */
export function isAllowedImageSrc(src: string): boolean {
  const value = src.trim();
  return /^https?:\/\//i.test(value) || /^data:image\/[a-z0-9.+-]+[;,]/i.test(value);
}
