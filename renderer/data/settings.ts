/** Settings: small named values (theme, fetch interval, …), one row per key. */
import type { JsonValue } from '../../shared/model';
import type { CommonplaceDb } from './db';

/**
 * The stored value, or `fallback` when the key was never set: `getSetting<number>(db, 'x', 60)`.
 * The type argument is required (without it `fallback` is typed `never`), because inferring it
 * from the fallback would type a setting as the literal `60`. The stored value is trusted to
 * have that type: only `setSetting` writes this table.
 */
export async function getSetting<T extends JsonValue = never>(
  db: CommonplaceDb,
  key: string,
  fallback: NoInfer<T>,
): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: CommonplaceDb, key: string, value: JsonValue): Promise<void> {
  await db.settings.put({ key, value });
}
