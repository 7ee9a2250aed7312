// Builds the renderer into dist/renderer; relative base so the Electron app can load it from its own protocol.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One bundle read from local disk, never over a network: its size costs nothing worth splitting for.
    chunkSizeWarningLimit: 1500,
  },
});
