import { describe, expect, it } from 'vitest';
import type { CommonplaceDb } from './db';
import { freshDatabaseForEachTest } from './migration-harness';
import { addRule, deleteRule, listRules, RuleError, rulesSettingKey, updateRule, type NewRule } from './seek-rules';
import { isStoreError } from './store-error';

let db: CommonplaceDb;
freshDatabaseForEachTest((opened) => (db = opened));

const draft = (partial: Partial<NewRule> = {}): NewRule => ({ action: 'mute', pattern: 'crypto', kind: 'keyword', scope: { kind: 'global' }, fields: ['title'], ...partial });

describe('mute and keep rules storage', () => {
  it('starts empty, then lists rules in the order added, in the settings table', async () => {
    expect(await listRules(db)).toEqual([]);
    const first = await addRule(db, draft({ pattern: '  crypto  ' }));
    const second = await addRule(db, draft({ action: 'keep', kind: 'regex', pattern: '^Weekly', scope: { kind: 'source', sourceId: 's1' }, fields: ['title', 'title', 'summary'] }));
    expect(first).toMatchObject({ pattern: 'crypto', enabled: true });
    expect(second.fields).toEqual(['title', 'summary']);
    expect(await listRules(db)).toEqual([first, second]);
    expect((await db.settings.get(rulesSettingKey))?.value).toEqual([first, second]);
  });

  it('refuses an invalid regex in words and saves nothing', async () => {
    await expect(addRule(db, draft({ kind: 'regex', pattern: '(oops' }))).rejects.toThrow(/not valid: unterminated group/i);
    await expect(addRule(db, draft({ kind: 'regex', pattern: '(a+)+' }))).rejects.toBeInstanceOf(RuleError);
    await expect(addRule(db, draft({ fields: [] }))).rejects.toThrow(/at least one field/);
    expect(await listRules(db)).toEqual([]);
  });

  it('updates and deletes by id; an invalid update leaves the rule as it was', async () => {
    const rule = await addRule(db, draft());
    const other = await addRule(db, draft({ pattern: 'nft' }));
    expect(await updateRule(db, rule.id, { enabled: false })).toMatchObject({ id: rule.id, enabled: false });
    await expect(updateRule(db, rule.id, { kind: 'regex', pattern: '[' })).rejects.toThrow(/not valid/);
    expect((await listRules(db))[0]).toEqual({ ...rule, enabled: false });
    await deleteRule(db, rule.id);
    expect(await listRules(db)).toEqual([other]);
    const missing = await updateRule(db, rule.id, { enabled: true }).catch((error: unknown) => error);
    expect(isStoreError(missing, 'not-found')).toBe(true);
  });

  it('keeps concurrent additions (read-modify-write in one transaction)', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((pattern) => addRule(db, draft({ pattern }))));
    expect((await listRules(db)).map((rule) => rule.pattern).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores damaged stored rules instead of failing', async () => {
    await db.settings.put({ key: rulesSettingKey, value: [{ id: 'x', action: 'explode' }, 'junk'] });
    expect(await listRules(db)).toEqual([]);
    await addRule(db, draft());
    expect(await listRules(db)).toHaveLength(1);
  });
});
