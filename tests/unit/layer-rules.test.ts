// The handbook's layer table is enforced by lint. These cases prove each ban fires (and that
// allowed imports pass), by linting small sources as if they stood in each layer.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first lint loads the config, parser and plugins: seconds on a busy two-core machine.
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'shared/warm-up.ts') });
}, 60_000);

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/bad.ts', "import x from 'node:fs';"],
    ['shared/bad.ts', "import x from 'fs';"],
    ['shared/bad.ts', "import x from 'path';"],
    ['shared/bad.ts', "import x from 'electron';"],
    ['shared/bad.ts', "import x from 'react';"],
    ['shared/bad.ts', "import x from 'dexie';"],
    ['shared/bad.ts', "import x from 'jsdom';"],
    ['shared/bad.ts', "import x from '@tiptap/core';"],
    ['shared/bad.ts', "import { createHostHandlers as x } from '../electron/host/handlers';"],
    ['shared/bad.ts', "import { connectHost as x } from '../renderer/host/host-client';"],
    ['renderer/bad.ts', "import x from 'electron';"],
    ['renderer/bad.ts', "import x from 'node:path';"],
    ['renderer/bad.ts', "import x from 'fs/promises';"],
    ['renderer/features/bad.tsx', "import { createHostHandlers as x } from '../../electron/host/handlers';"],
    ['electron/bad.ts', "import { connectHost as x } from '../renderer/host/host-client';"],
    ['electron/host/bad.ts', "import { connectHost as x } from '../../renderer/host/host-client';"],
    ['shared/feeds/bad.ts', "import { appInfo as x } from '../../electron/host/app-info';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['shared/ok.ts', "import { z as x } from 'zod';"],
    ['shared/ok.ts', "import { hostContract as x } from './host-contract';"],
    ['renderer/ok.ts', "import { hostContract as x } from '../shared/host-contract';"],
    ['renderer/ok.ts', "import x from 'dexie';"],
    ['electron/ok.ts', "import x from 'node:path';"],
    ['electron/ok.ts', "import { hostContract as x } from '../shared/host-contract';"],
    ['electron/host/ok.ts', "import { hostContract as x } from '../../shared/host-contract';"],
    ['renderer/features/ok.ts', "import { hostContract as x } from '../../shared/host-contract';"],
  ])('%s may: %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
