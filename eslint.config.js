// Lint: TypeScript rules everywhere, React hooks rules in the renderer, and the handbook's layer table
// (../shared/handbook/ARCHITECTURE.md §1) as import bans, so a wrong import fails `npm test`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((name) => !name.startsWith('_')).map((name) => [name, `${name}/*`]).flat(), 'node:*'];

/** Module names a layer must never import, with the reason the lint message gives. */
function banModules(names, message) {
  return { group: names, message };
}

/**
 * Relative imports that climb into another top-level layer (`../electron/…`, `../../renderer/…`).
 * Matched on the specifier, as the stop-hook's check does; a resolver-based rule would need
 * eslint-plugin-import-x, whose native resolver has platform packages npm ci cannot always fetch.
 */
function banLayers(layers, message) {
  return { regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message };
}

const layerRule = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      'no-restricted-imports': layerRule([
        banModules(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
        banModules(['electron', 'electron/*'], 'shared/ is pure: no Electron.'),
        banModules(['react', 'react/*', 'react-dom', 'react-dom/*', 'dexie', 'dexie-*', 'jsdom', '@tiptap/*', 'flexsearch', 'playwright-core'], 'shared/ is pure: no DOM, UI or storage libraries.'),
        banLayers(['electron', 'renderer'], 'shared/ is pure: it may import only shared/.'),
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layerRule([
        banModules(nodeBuiltins, 'renderer/ runs in the browser sandbox: no Node built-ins; ask the host.'),
        banModules(['electron', 'electron/*'], 'renderer/ never touches Electron; use the HostClient.'),
        banModules(['jsdom', 'rss-parser', '@mozilla/readability'], 'Node-side libraries run in the host, not the renderer.'),
        banLayers(['electron'], 'renderer/ reaches the host only through the HostClient.'),
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': layerRule([banLayers(['renderer'], 'electron/ never imports the renderer.')]) },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
