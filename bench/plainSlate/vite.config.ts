// Builds the plain-Slate baseline page into dist/bench-plain for the editor benchmark.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: fileURLToPath(new URL('../../dist/bench-plain', import.meta.url)), emptyOutDir: true },
});
