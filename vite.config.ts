import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

// One file configures the renderer build and the three test projects:
// `node` (shared/ and electron/ logic), `renderer` (React and Dexie in jsdom with fake-indexeddb),
// `e2e` (the built app in Chromium through the web host; run one file at a time, they start browsers).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    root: here,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'node',
          root: here,
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          root: here,
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
          // jsdom role queries cost 100–400 ms each on a loaded two-core machine; a first test that
          // builds a fresh DOM can pass 5 s there without anything being wrong.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: here,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Chromium shares two cores with the other projects' workers in `npm test`: a poll that gives
          // up after Vitest's default second fails on a busy machine, not on a broken app.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
