/**
 * Feed dates as feeds really write them, turned into epoch ms.
 *
 * Two parsers, tried in order: a strict ISO 8601 / RFC 3339 / W3CDTF one, and a token parser for
 * RFC 822/2822 and its sloppy relatives (asctime, `Date.toString()`, "Sept", "GMT+7", "2006/09/15").
 * The token parser classifies every word and refuses the whole string when one word is unknown:
 * a wrong date silently misorders the river, while `undefined` falls back to the first-seen time.
 * A missing zone means UTC, as the feed formats say; `effectiveDate` then keeps such guesses out of
 * the future (Miniflux 1906).
 */

const MINUTE = 60_000;

/** Zone names in real feeds, in minutes east of UTC. Ambiguous names take the reading RFC 822 or
 *  the English-language web gives them (CST is US Central, IST is India, BST is British Summer). */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120,
  MEZ: 60, MESZ: 120, EET: 120, EEST: 180, MSK: 180, IST: 330, HKT: 480, SGT: 480, AWST: 480,
  JST: 540, KST: 540, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  NST: -210, NDT: -150, AST: -240, ADT: -180, AT: -240, EST: -300, EDT: -240, ET: -300,
  CST: -360, CDT: -300, CT: -360, MST: -420, MDT: -360, MT: -420, PST: -480, PDT: -420, PT: -480,
  AKST: -540, AKDT: -480, HST: -600,
};

/** Military letters with their real (NATO) signs: A is UTC+1, N is UTC−1. RFC 822 printed the
 *  signs reversed and RFC 2822 gave up on them; in feeds only Z is common, so either way is rare. */
function militaryZone(letter: string): number | undefined {
  const code = letter.charCodeAt(0);
  if (letter.length !== 1 || code < 65 || code > 89 || letter === 'J') return undefined;
  if (code <= 73) return (code - 64) * 60; // A–I: +1…+9
  if (code <= 77) return (code - 65) * 60; // K–M: +10…+12 (J is skipped)
  return -(code - 77) * 60; // N–Y: −1…−12
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "Sep", "Sept", "sept.", "SEPTEMBER" → 9; a prefix of at least three letters of the full name. */
function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.startsWith(w));
  return index < 0 ? undefined : index + 1;
}

function isWeekday(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return w.length >= 3 && WEEKDAYS.some((name) => name.startsWith(w));
}

/** "+0200", "-01:01", "+7", "-0000" → minutes east of UTC; undefined when malformed or out of range. */
function numericOffset(text: string): number | undefined {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** A whole zone designator: "", "Z", a name, a military letter, "+05:30", "GMT+7", "UTC-05:00", "Etc/GMT". */
function parseZone(text: string): number | undefined {
  if (text === '') return 0;
  const named = ZONES[text] ?? militaryZone(text);
  if (named !== undefined) return named;
  // tz database names invert the sign (Etc/GMT+7 is UTC−7); people writing "GMT+7" mean UTC+7.
  const prefixed = /^(ETC\/)?(?:GMT|UTC|UT)([+-].*)$/.exec(text);
  if (prefixed) {
    const offset = numericOffset(prefixed[2] ?? '');
    return offset === undefined ? undefined : prefixed[1] ? -offset : offset;
  }
  if (text.startsWith('ETC/')) return parseZone(text.slice(4));
  return numericOffset(text);
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offset: number;
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Validates every field (feedparser refuses 25:14, minute 61, day 99) and builds the instant. */
function toEpoch(p: Parts): number | undefined {
  const endOfDay = p.hour === 24 && p.minute === 0 && p.second === 0 && p.ms === 0;
  if (p.year < 1 || p.year > 9999 || p.month < 1 || p.month > 12) return undefined;
  if (p.day < 1 || p.day > daysInMonth(p.year, p.month)) return undefined;
  if ((p.hour > 23 && !endOfDay) || p.minute > 59 || p.second > 60) return undefined;
  const date = new Date(0);
  // setUTCFullYear, because Date.UTC would read years 0–99 as 1900–1999.
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(p.hour, p.minute, Math.min(p.second, 59), p.ms);
  return date.getTime() - p.offset * MINUTE;
}

function fraction(digits: string | undefined): number {
  return digits ? Math.floor(Number(`0.${digits}`) * 1000) : 0;
}

const ISO_EXTENDED = /^(\d{4})(?:-(\d{1,3})(?:-(\d{1,2}))?)?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(.*)$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?(.*)$/;

/** ISO 8601 profiles: RFC 3339, W3CDTF (year, year-month, date), "2004-07-08 23:56:58 -00:20",
 *  and the basic form 20040105T1200Z. Two-digit-year ISO forms ("031231", "03335") are refused:
 *  they read any five or six digits as a date, and ISO 8601:2004 dropped them. */
function parseIso(s: string): number | undefined {
  for (const pattern of [ISO_EXTENDED, ISO_BASIC]) {
    const m = pattern.exec(s);
    if (!m) continue;
    const [, year, month, day, hour, minute, second, frac, zone = ''] = m;
    // A zone only follows a time; "2013-01-27-01" is not a date at UTC−1.
    if (hour === undefined && zone !== '') continue;
    // "2003-012-31" is a padded month; "2003-012" alone would be an ordinal date, which we do not read.
    if (month !== undefined && month.length === 3 && (day === undefined || !month.startsWith('0'))) continue;
    const offset = parseZone(zone);
    if (offset === undefined) continue;
    return toEpoch({
      year: Number(year),
      month: Number(month ?? 1),
      day: Number(day ?? 1),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      ms: fraction(frac),
      offset,
    });
  }
  return undefined;
}

/** Two-digit years: the year in the century window ending ten years after `now`. */
function expandYear(digits: string, now: number): number {
  const value = Number(digits);
  if (digits.length === 4) return value;
  if (digits.length === 3) return value + 1900; // RFC 2822 §4.3
  const nowYear = new Date(now).getUTCFullYear();
  const year = Math.floor(nowYear / 100) * 100 + value;
  return year > nowYear + 10 ? year - 100 : year;
}

/** RFC 822/2822 and relatives, one word at a time; any word it cannot place refuses the string. */
function parseWords(s: string, now: number): number | undefined {
  const text = s
    .replace(/\([^)]*\)/g, ' ') // RFC 2822 comments, e.g. Date.toString()'s "(Central European Summer Time)"
    .replace(/,/g, ' ')
    .replace(/\b((?:ETC\/)?(?:GMT|UTC|UT))\s+([+-]\d)/g, '$1$2') // "GMT +7" → "GMT+7"
    .replace(/(\d)(AM|PM)\b/g, '$1 $2');
  let year: string | undefined;
  let month: number | undefined;
  let day: string | undefined;
  let time: RegExpExecArray | undefined;
  let meridiem: string | undefined;
  let numeric: number | undefined;
  let named: number | undefined;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(word);
    const clock = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/.exec(word);
    if (isWeekday(word)) continue;
    if (ymd) {
      if (year !== undefined || month !== undefined || day !== undefined) return undefined;
      [year, month, day] = [ymd[1], Number(ymd[2]), ymd[3]];
    } else if (/^\d{1,4}$/.test(word)) {
      if (day === undefined && word.length <= 2) day = word;
      else if (year === undefined) year = word;
      else return undefined;
    } else if (clock) {
      if (time) return undefined;
      time = clock;
    } else if (word === 'AM' || word === 'PM') {
      meridiem = word;
    } else if (monthNumber(word) !== undefined) {
      if (month !== undefined) return undefined;
      month = monthNumber(word);
    } else if (/^[+-]/.test(word)) {
      if (numeric !== undefined) return undefined;
      numeric = numericOffset(word);
      if (numeric === undefined) return undefined;
    } else {
      const zone = parseZone(word);
      if (zone === undefined || named !== undefined) return undefined;
      named = zone;
    }
  }
  if (year === undefined || month === undefined || day === undefined) return undefined;
  let hour = Number(time?.[1] ?? 0);
  if (meridiem) {
    if (!time || hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return toEpoch({
    year: expandYear(year, now),
    month,
    day: Number(day),
    hour,
    minute: Number(time?.[2] ?? 0),
    second: Number(time?.[3] ?? 0),
    ms: fraction(time?.[4]),
    // "+0000 GMT": the number is what the machine meant; the name is often a stale label.
    offset: numeric ?? named ?? 0,
  });
}

/**
 * A feed's date string → epoch ms, or undefined when it cannot be read with confidence.
 * `now` only anchors two-digit years ("01 Jan 04" is 2004 in 2026, "99" is 1999).
 */
export function parseFeedDate(raw: string | undefined, now: number): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.replace(/\s+/g, ' ').trim().toUpperCase();
  if (s === '') return undefined;
  return parseIso(s) ?? parseWords(s, now);
}

/**
 * The date an item is filed under: published, else updated, else when we first saw it (so a feed
 * without dates keeps a stable, sensible order). A date in the future is clamped to `now`.
 *
 * Why any future date and not only "more than a day ahead": the usual cause is a zoneless time read
 * as UTC (Miniflux 1906), which is at most 14 hours off, so a one-day allowance would never fire for
 * it; and a post honestly scheduled a few hours ahead loses nothing by being filed at fetch time.
 */
export function effectiveDate(published: number | undefined, updated: number | undefined, firstSeenAt: number, now: number): number {
  const date = published ?? updated;
  if (date === undefined || !Number.isFinite(date)) return firstSeenAt;
  return date > now ? now : date;
}
