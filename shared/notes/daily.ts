/**
 * Daily notes: one note per calendar day in the user's own time zone, titled like Obsidian's default
 * (`YYYY-MM-DD`), so a vault's daily notes and Commonplace's are the same notes.
 */
import type { LocalDate } from '../model';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The calendar day `date` falls on in local time, as `YYYY-MM-DD`. */
export function localDateOf(date: Date): LocalDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

export function dailyNoteTitle(date: LocalDate): string {
  return date;
}

/** Is `text` a real `YYYY-MM-DD` day (2026-02-30 is not)? For telling daily notes from other titles. */
export function isLocalDate(text: string): text is LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years below 100 as 19xx
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
