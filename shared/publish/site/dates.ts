/**
 * Dates as the published site writes them. Always UTC and never through Intl or the machine's locale,
 * so the same post gives the same bytes on every computer and in every time zone.
 */
import type { EpochMs } from '../../model';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-11-20`: the W3C date of sitemaps, `<time datetime>` and Jekyll's file names. */
export function isoDay(time: EpochMs): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `2026-11-20T09:30:00Z` (milliseconds only when there are some): RFC 3339, as the feeds write it too. */
export function rfc3339(time: EpochMs): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/** `20 November 2026`: the date as the pages show it. */
export function displayDay(time: EpochMs): string {
  const date = new Date(time);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
