// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxing requires) into dist-electron/.
import { build } from 'esbuild';

/** @type {import('esbuild').BuildOptions} */
const common = { bundle: true, sourcemap: true, target: 'node20', logLevel: 'info', external: ['electron'] };

await build({
  ...common,
  entryPoints: ['electron/app/main.ts'],
  outfile: 'dist-electron/main.js',
  platform: 'node',
  format: 'esm',
  // Bundled CommonJS dependencies call require(); give them one in the ESM bundle.
  banner: {
    js: "import { createRequire as __ndCreateRequire } from 'node:module'; const require = __ndCreateRequire(import.meta.url);",
  },
});

// The worker pool's thread entry (electron/services/workerPool.ts loads it next to main.js).
await build({
  ...common,
  entryPoints: ['electron/services/workerMain.ts'],
  outfile: 'dist-electron/workerMain.js',
  platform: 'node',
  format: 'esm',
});

// The search index build runs in a worker thread; it loads this file next to main.js (see runSegmentBuild.ts).
await build({
  ...common,
  entryPoints: ['electron/services/search/searchBuildWorker.ts'],
  outfile: 'dist-electron/searchBuildWorker.js',
  platform: 'node',
  format: 'esm',
});

// The export's packaging worker runs as its own file next to main.js (see runPackageWorker.ts).
await build({
  ...common,
  entryPoints: ['electron/services/export/exportWorker.ts'],
  outfile: 'dist-electron/exportWorker.js',
  platform: 'node',
  format: 'esm',
  banner: {
    js: "import { createRequire as __ndCreateRequire } from 'node:module'; const require = __ndCreateRequire(import.meta.url);",
  },
});

await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload.cjs',
  platform: 'browser',
  format: 'cjs',
});
