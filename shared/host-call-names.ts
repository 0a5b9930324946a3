/**
 * The names of the host calls, with no dependency at all. The sandboxed preload may require only
 * 'electron', so it builds window.host from this list rather than from host-contract.ts (which needs zod).
 * host-contract.ts is checked against this list at compile time: a call cannot be in one and not the other.
 */
export const hostCallNames = Object.freeze([
  'app:info',
  'feed:discover',
  'feed:fetch',
  'article:extract',
  'site:changed',
  'site:write',
  'site:prune',
  'site:pick-folder',
  'secrets:set',
  'secrets:status',
  'secrets:delete',
  'publish:micropub',
  'publish:wordpress',
  'publish:mastodon',
  'source:fetch',
  'backup:list',
  'backup:begin',
  'backup:append',
  'backup:finish',
  'backup:abort',
  'backup:open',
  'backup:read',
  'backup:restore-secrets',
] as const);

export type HostCallName = (typeof hostCallNames)[number];
