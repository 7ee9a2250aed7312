// Lint: typescript-eslint's recommended rules, no import cycles, and the layer rule as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const ELECTRON_MODULES = ['electron', 'electron/main', 'electron/renderer', 'electron/common', 'electron-store'];
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

/**
 * The rooms within each runtime and the arrows between them, in the manner of VS Code's code-import-patterns:
 * an arrow may only point down. A feature sees common/ and the floors below it, never another feature or app/;
 * a service sees other services and shared/, never the use-cases, handlers, runtime or transports built on it.
 */
const FEATURES = readdirSync(new URL('./renderer/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const below = (target, ...above) => above.map((from) => ({ target, from, message: `${target} is below ${from}.` }));
export const ROOM_ZONES = [
  ...FEATURES.map((feature) => ({
    target: `./renderer/features/${feature}`,
    from: './renderer/features',
    except: [`./${feature}`],
    message: 'A feature never imports another feature: what two share goes to renderer/common/, app/ composes them.',
  })),
  ...below('./renderer/features', './renderer/app'),
  ...below('./renderer/common', './renderer/app', './renderer/features'),
  ...below('./renderer/editor', './renderer/app', './renderer/features', './renderer/common'),
  ...below('./renderer/api', './renderer/app', './renderer/features', './renderer/common', './renderer/editor'),
  ...below('./renderer/i18n', './renderer/app', './renderer/features', './renderer/common', './renderer/editor'),
  ...below(
    './electron/services',
    './electron/usecases',
    './electron/ipc',
    './electron/runtime',
    './electron/host',
    './electron/cli',
    './electron/app',
    './electron/preload',
  ),
  ...below(
    './electron/usecases',
    './electron/ipc',
    './electron/runtime',
    './electron/host',
    './electron/cli',
    './electron/app',
  ),
  ...below('./electron/ipc', './electron/runtime', './electron/host', './electron/cli', './electron/app'),
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'dist-cli/',
      '.tsbuild/',
      'release/',
      'bench/plainSlate/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: ROOM_ZONES }] },
  },
  {
    // shared/ runs anywhere: no Node, Electron, React or DOM.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ELECTRON_MODULES.map((name) => ({ name, message: 'shared/ may not import Electron.' })),
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ runs anywhere: no Node built-ins.' },

            {
              group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'slate-react'],
              message: 'shared/ may not import React.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ELECTRON_MODULES.map((name) => ({ name, message: 'renderer/ never imports Electron.' })),
          patterns: [
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
            { group: NODE_BUILTINS, message: 'renderer/ runs in the browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    // Only electron/app and electron/preload import Electron.
    files: ['electron/{services,ipc,host,cli}/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ELECTRON_MODULES.map((name) => ({
            name,
            message: 'Only electron/app and electron/preload import Electron.',
          })),
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
