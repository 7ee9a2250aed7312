// Builds the renderer into dist/renderer; relative base so the Electron app can load it from its own protocol.
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const FONT_FILE = /\.woff2?$/;

/** Chromium and Electron read woff2; the @fontsource CSS also names a .woff twin that would only bloat the build. */
function woff2Only(): Plugin {
  return {
    name: 'newsdesk-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource/') || !id.endsWith('.css')) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [woff2Only()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One bundle read from local disk, never over a network: its size costs nothing worth splitting for.
    chunkSizeWarningLimit: 1500,
    // Fonts stay files: the CSP allows font-src 'self' only, so a data: URI font would be refused.
    assetsInlineLimit: (file) => (FONT_FILE.test(file) ? false : undefined),
  },
});
