/** The user's site settings, read live and saved whole. */
import { useCallback } from 'react';
import type { JsonValue } from '../../../shared/model';
import { setSetting, useDatabase, useSetting } from '../../data';
import { siteConfigFrom, siteConfigKey, type SiteConfig } from './publish/site-config';

export function useSiteConfig(): { config: SiteConfig | undefined; save: (next: SiteConfig) => Promise<void> } {
  const db = useDatabase();
  const stored = useSetting<JsonValue>(siteConfigKey, null);
  const save = useCallback((next: SiteConfig) => setSetting(db, siteConfigKey, next as unknown as JsonValue), [db]);
  return { config: stored === undefined ? undefined : siteConfigFrom(stored), save };
}
