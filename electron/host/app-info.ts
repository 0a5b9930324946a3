import type { AppInfo, Transport } from '../../shared/host-contract';
import pkg from '../../package.json' with { type: 'json' };

/** `app:info`: who is answering. The version comes from package.json so it cannot drift. */
export function appInfo(transport: Transport): AppInfo {
  return {
    name: pkg.productName,
    version: pkg.version,
    platform: process.platform,
    transport,
  };
}
