// Lint: typescript-eslint's recommended rules, no import cycles, and the layer rule as import restrictions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

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
