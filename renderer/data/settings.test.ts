import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../shared/model';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { getSetting, setSetting } from './settings';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

describe('settings', () => {
  it('returns the fallback for a key never set', async () => {
    // @ts-expect-error the setting's type must be stated, not inferred as the literal 60
    await getSetting(db, 'fetchIntervalMinutes', 60);
    expect(await getSetting<number>(db, 'fetchIntervalMinutes', 60)).toBe(60);
  });

  it('returns what was set, replacing the earlier value', async () => {
    await setSetting(db, 'theme', 'dark');
    await setSetting(db, 'theme', 'light');
    expect(await getSetting<'light' | 'dark' | 'system'>(db, 'theme', 'system')).toBe('light');
    expect(await db.settings.count()).toBe(1);
  });

  it('keeps falsy and structured values instead of falling back', async () => {
    await setSetting(db, 'zero', 0);
    await setSetting(db, 'off', false);
    await setSetting(db, 'nothing', null);
    await setSetting(db, 'layout', { panes: [1, 2], wide: true });
    expect(await getSetting<number>(db, 'zero', 5)).toBe(0);
    expect(await getSetting<boolean>(db, 'off', true)).toBe(false);
    expect(await getSetting<string | null>(db, 'nothing', 'x')).toBeNull();
    expect(await getSetting<JsonValue>(db, 'layout', {})).toEqual({ panes: [1, 2], wide: true });
  });
});
