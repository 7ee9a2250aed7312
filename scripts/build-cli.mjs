// Bundles the `newsdesk` command into dist-cli/newsdesk.mjs at install time (`prepare`), so a call starts without compiling TypeScript.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Left out of the bundle and loaded from node_modules at run time. playwright-core, @sparticuz/chromium and
 * wawoff2 find their own files next to their code (__dirname, import.meta.url: injected scripts, wasm, the
 * packed Chromium); inside an ESM bundle those point at dist-cli/ or do not exist, and printing fails. Both load
 * only when a proof is printed, so start-up does not pay for resolving them.
 */
const RUNTIME_EXTERNAL = ['electron', 'playwright-core', '@sparticuz/chromium', 'wawoff2'];

// An install without dev dependencies has no esbuild: the command then runs from the sources (bin/newsdesk.js).
const esbuild = await import('esbuild').catch(() => null);
if (!esbuild) {
  process.stderr.write('newsdesk: esbuild is not installed; the CLI will run from its TypeScript sources\n');
  process.exit(0);
}

// Stale chunks from an earlier build would otherwise pile up beside the new ones.
rmSync(join(root, 'dist-cli'), { recursive: true, force: true });

await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['electron/cli/main.ts'],
  outdir: 'dist-cli',
  entryNames: 'newsdesk',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Commands import their heavy modules on demand; splitting keeps each in its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Less source to parse at each start; names are kept so stack traces still read.
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  // Dependencies are bundled too: resolving node_modules at every start costs more than reading one file.
  packages: 'bundle',
  external: RUNTIME_EXTERNAL,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give them one in the ESM bundle.
  banner: {
    js: "import { createRequire as __ndCreateRequire } from 'node:module'; const require = __ndCreateRequire(import.meta.url);",
  },
});

// Long work runs in worker threads whose entry files are found next to the code that starts them
// (workerPool, the search index build, the export packager). That code may land in the entry or
// in a chunk, so each worker is built beside both.
const workers = {
  workerMain: 'electron/services/workerMain.ts',
  searchBuildWorker: 'electron/services/search/searchBuildWorker.ts',
  exportWorker: 'electron/services/export/exportWorker.ts',
};
for (const outdir of ['dist-cli', 'dist-cli/chunks']) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: workers,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    keepNames: true,
    packages: 'bundle',
    external: RUNTIME_EXTERNAL,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __ndCreateRequire } from 'node:module'; const require = __ndCreateRequire(import.meta.url);",
    },
  });
}
