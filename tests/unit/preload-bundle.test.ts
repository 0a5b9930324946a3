// A sandboxed preload may require only 'electron'. The preload is bundled with packages kept
// external, so any import that pulls a package (zod through the contract, say) would break the
// desktop app at start while every unit test still passed. This builds it the way `npm run build` does.
import path from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

it('bundles the preload so that it requires nothing but electron', async () => {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../electron/preload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
  expect(required.length).toBeGreaterThan(0);
  expect(new Set(required)).toEqual(new Set(['electron']));
});
