import { describe, expect, it } from 'vitest';
import { effectiveDate, parseFeedDate } from './dates';

const now = Date.UTC(2026, 5, 15, 12, 0, 0); // 2026-06-15T12:00:00Z
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('parseFeedDate: RFC 822 / 2822 and relatives', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'], // no weekday
    ['Tue, 10 Jun 03 04:00:00 GMT', '2003-06-10T04:00:00.000Z'], // two-digit year
    ['Thu, 01 Jan 99 00:00:00 GMT', '1999-01-01T00:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00 GMT', '2003-06-10T04:00:00.000Z'], // no seconds
    ['Tue, 10 Jun 2003 04:00:00', '2003-06-10T04:00:00.000Z'], // no zone: UTC
    ['Tue, 10 Jun 2003 04:00:00 UT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 Z', '2003-06-10T04:00:00.000Z'],
    ['Mon, 03 Dec 2018 13:03:47 PST', '2018-12-03T21:03:47.000Z'], // Miniflux 290
    ['Mon, 03 Jun 2018 13:03:47 PDT', '2018-06-03T20:03:47.000Z'],
    ['Mon, 03 Dec 2018 13:03:47 EST', '2018-12-03T18:03:47.000Z'],
    ['Mon, 03 Jun 2018 13:03:47 EDT', '2018-06-03T17:03:47.000Z'],
    ['Mon, 03 Dec 2018 13:03:47 CST', '2018-12-03T19:03:47.000Z'],
    ['Mon, 03 Jun 2018 13:03:47 CDT', '2018-06-03T18:03:47.000Z'],
    ['Mon, 03 Dec 2018 13:03:47 MST', '2018-12-03T20:03:47.000Z'],
    ['Mon, 03 Jun 2018 13:03:47 MDT', '2018-06-03T19:03:47.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 GMT+7', '2021-09-05T08:43:54.000Z'], // Miniflux 1233
    ['Sun, 05 Sep 2021 15:43:54 GMT +7', '2021-09-05T08:43:54.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 UTC-05:00', '2021-09-05T20:43:54.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 +0530', '2021-09-05T10:13:54.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 -00:30', '2021-09-05T16:13:54.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 +0000 (GMT)', '2021-09-05T15:43:54.000Z'],
    ['Sun, 05 Sep 2021 15:43:54 A', '2021-09-05T14:43:54.000Z'], // military Alpha = UTC+1
    ['Sun, 05 Sep 2021 15:43:54 N', '2021-09-05T16:43:54.000Z'], // military November = UTC−1
    ['Sun, 05 Sep 2021 15:43:54 Etc/GMT+7', '2021-09-05T22:43:54.000Z'], // tz database sign: UTC−7
    ['sun, 05 sept 2021 15:43:54 gmt', '2021-09-05T15:43:54.000Z'], // case, "Sept"
    ['  Sun,   5   Sep   2021\n15:43:54   GMT ', '2021-09-05T15:43:54.000Z'], // whitespace
    ['Sunday, 05 September 2021 15:43:54 GMT', '2021-09-05T15:43:54.000Z'],
    ['September 5, 2021 3:43 PM EST', '2021-09-05T20:43:00.000Z'], // US order, 12-hour clock
    ['Sep 5 2021 12:05am', '2021-09-05T00:05:00.000Z'],
    ['Sun Sep  5 15:43:54 2021', '2021-09-05T15:43:54.000Z'], // asctime
    ['Thu Aug 30 2012 17:26:16 GMT+0200 (Central European Summer Time)', '2012-08-30T15:26:16.000Z'], // Date.toString()
    ['Fri, 2006/09/15 08:19:53 EDT', '2006-09-15T12:19:53.000Z'],
    ['Sat, 29 Feb 2020 10:00:00 GMT', '2020-02-29T10:00:00.000Z'],
  ])('%j → %s', (input, expected) => {
    expect(iso(parseFeedDate(input, now))).toBe(expected);
  });
});

describe('parseFeedDate: ISO 8601, RFC 3339, W3CDTF', () => {
  it.each([
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31t10:14:55z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55-08:00', '2003-12-31T18:14:55.000Z'],
    ['2003-12-31T10:14:55+0100', '2003-12-31T09:14:55.000Z'],
    ['2003-12-31T10:14:55.123456+01:00', '2003-12-31T09:14:55.123Z'], // fraction kept to the ms
    ['2003-12-31T10:14Z', '2003-12-31T10:14:00.000Z'],
    ['2003-12-31T10:14:55', '2003-12-31T10:14:55.000Z'], // no zone: UTC
    ['2003-12-31 10:14:55 -00:20', '2003-12-31T10:34:55.000Z'],
    ['2003-12-31T10:14:55 EST', '2003-12-31T15:14:55.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['2003', '2003-01-01T00:00:00.000Z'],
    ['20040105T1200Z', '2004-01-05T12:00:00.000Z'], // basic format
    ['20040105T120030+0100', '2004-01-05T11:00:30.000Z'],
    ['20040105', '2004-01-05T00:00:00.000Z'],
    ['2003-12-31T24:00:00Z', '2004-01-01T00:00:00.000Z'],
  ])('%j → %s', (input, expected) => {
    expect(iso(parseFeedDate(input, now))).toBe(expected);
  });
});

describe('parseFeedDate: refuses what it cannot read with confidence', () => {
  it.each([
    [undefined],
    [''],
    ['   '],
    ['yesterday'],
    ['Sun, 16 Dec 2012 1:2:3:4 GMT'],
    ['Sun, 16 zzz 2012 11:47:32 GMT'],
    ['Sun, 31 Feb 2012 11:47:32 GMT'],
    ['Sun, 16 Dec 2012 11:47:32 XYZ'], // unknown zone: first-seen time beats a guess
    ['Sun, 16 Dec 2012 11:47:32 +zz:00'],
    ['Sun, 16 Dec 2012 13:47:32 PM'],
    ['2003-12-31T25:14:55Z'],
    ['2003-02-29'],
    ['2013-01-28T11:30:00-06:00Textra'],
    ['2013-01-27-01'],
    ['9999-12-31T23:59:59-99:99'],
    ['031231'], // two-digit-year ISO forms: see the corpus test
    ['12345'],
    ['2004-05-25 오후 11:23:17'],
  ])('%j → undefined', (input) => {
    expect(parseFeedDate(input, now)).toBeUndefined();
  });

  it('reads two-digit years in a window that follows `now`', () => {
    expect(iso(parseFeedDate('01 Jan 36 00:00 GMT', now))).toBe('2036-01-01T00:00:00.000Z');
    expect(iso(parseFeedDate('01 Jan 37 00:00 GMT', now))).toBe('1937-01-01T00:00:00.000Z');
    expect(iso(parseFeedDate('01 Jan 37 00:00 GMT', Date.UTC(2030, 0, 1)))).toBe('2037-01-01T00:00:00.000Z');
  });
});

describe('effectiveDate', () => {
  const firstSeen = now - 60_000;
  const hour = 3_600_000;
  it.each([
    ['published wins', now - 5 * hour, now - hour, now - 5 * hour],
    ['updated when there is no published date', undefined, now - hour, now - hour],
    ['first-seen time when the feed has no dates', undefined, undefined, firstSeen],
    ['a day-plus in the future is clamped to now', now + 30 * hour, undefined, now],
    // A zoneless "12:00" from a UTC+8 site read as UTC lands 8 hours ahead (Miniflux 1906).
    ['a zoneless time read hours ahead is clamped too', now + 8 * hour, undefined, now],
    ['a future updated date is clamped', undefined, now + 48 * hour, now],
    ['the past is kept as it is', Date.UTC(1999, 0, 1), undefined, Date.UTC(1999, 0, 1)],
    ['NaN counts as no date', Number.NaN, undefined, firstSeen],
  ])('%s', (_label, published, updated, expected) => {
    expect(effectiveDate(published, updated, firstSeen, now)).toBe(expected);
  });

  it('keeps a zoneless date from the feed in the past rather than in the future', () => {
    const zoneless = parseFeedDate('2026-06-15 19:00:00', now); // written in UTC+8, 11:00Z really
    expect(effectiveDate(zoneless, undefined, now, now)).toBeLessThanOrEqual(now);
  });
});
