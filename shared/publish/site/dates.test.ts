import { afterEach, describe, expect, it } from 'vitest';
import { displayDay, isoDay, rfc3339 } from './dates';

declare const process: { env: Record<string, string | undefined> };

const lateEvening = Date.UTC(2026, 10, 20, 23, 30); // 20 November 2026, 23:30 UTC

describe('site dates', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  it('formats the W3C day, the RFC 3339 time and the day as pages show it', () => {
    expect(isoDay(lateEvening)).toBe('2026-11-20');
    expect(rfc3339(lateEvening)).toBe('2026-11-20T23:30:00Z');
    expect(rfc3339(lateEvening + 5)).toBe('2026-11-20T23:30:00.005Z');
    expect(displayDay(lateEvening)).toBe('20 November 2026');
    expect(displayDay(Date.UTC(2027, 0, 1))).toBe('1 January 2027');
  });

  it('gives the same day in every time zone of the machine', () => {
    const results = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'].map((zone) => {
      process.env.TZ = zone;
      return { offset: new Date(lateEvening).getTimezoneOffset(), text: [isoDay(lateEvening), displayDay(lateEvening), rfc3339(lateEvening)] };
    });
    // The zone change must have taken effect, or this test would prove nothing.
    expect(new Set(results.map((result) => result.offset)).size).toBe(3);
    for (const result of results) expect(result.text).toEqual(['2026-11-20', '20 November 2026', '2026-11-20T23:30:00Z']);
  });
});
