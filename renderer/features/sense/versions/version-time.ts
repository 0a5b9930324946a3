/**
 * When a version was saved, as a writer thinks of it: "Today 10:42", "Yesterday 18:05",
 * "3 Mar, 09:15", "3 Mar 2025, 09:15". Calendar days in the user's time zone, not 24-hour spans,
 * so 23:59 yesterday is "Yesterday" at 00:01 today.
 */
import type { EpochMs } from '../../../../shared/model';

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** `locale` is for tests; the app uses the user's. */
export function formatVersionTime(savedAt: EpochMs, now: EpochMs = Date.now(), locale?: string): string {
  const date = new Date(savedAt);
  const today = new Date(now);
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const time = date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(date, today)) return `Today ${time}`;
  if (sameDay(date, yesterday)) return `Yesterday ${time}`;
  const day = date.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() === today.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${day}, ${time}`;
}

/** "1 word", "250 words". */
export function wordsLabel(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'word' : 'words'}`;
}
