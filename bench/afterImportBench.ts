/**
 * The first search after a bulk import through the CLI, as a newsroom migrating its archive meets it:
 * raw-copy files imported with `newsdesk import-copy` (the installed bundle, 500 files a call), then a
 * fresh process opens the store and searches. NEWSDESK_AFTER_IMPORT_SIZES picks the sizes (default 60000).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rawCopies } from './scaleBench';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsdesk.js');

interface AfterImport {
  openMs: number;
  firstQueryMs: number;
  hits: number;
  pending: number;
  catchUpMs: number;
  hitsAfter: number;
}

async function importThroughCli(store: string, n: number): Promise<number> {
  const files = join(store, '..', 'copy');
  await mkdir(files, { recursive: true });
  const copies = rawCopies(n);
  // In batches: 60,000 writes at once run out of file handles.
  for (let i = 0; i < n; i += 500)
    await Promise.all(copies.slice(i, i + 500).map((c) => writeFile(join(files, c.name), c.text)));
  const env = {
    ...process.env,
    NEWSDESK_STORE: store,
    NEWSDESK_CONFIG_DIR: join(store, '..', 'config'),
    NEWSDESK_CLI: 'bundle',
  };
  const t = performance.now();
  for (let i = 0; i < n; i += 500) {
    const batch = copies.slice(i, i + 500).map((c) => join(files, c.name));
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'import-copy', ...batch], {
      env,
      maxBuffer: 16 * 2 ** 20,
    });
    if (stdout.trim().split('\n').length !== batch.length) throw new Error(`import of batch ${i} incomplete`);
  }
  return performance.now() - t;
}

async function figuresAt(n: number): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), `newsdesk-after-import-${n}-`));
  try {
    const store = join(dir, 'store');
    const importMs = await importThroughCli(store, n);
    process.stderr.write(`  ${n} raw-copy files imported through the CLI in ${importMs.toFixed(0)} ms\n`);
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'afterImportProbe.ts'), store],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const r = JSON.parse(out) as AfterImport;
    if (r.hits === 0 || r.hitsAfter === 0) throw new Error(`searches found nothing: ${out}`);
    process.stderr.write(
      `  first answer: ${r.hits} hits, ${r.pending} pending; caught up in ${r.catchUpMs.toFixed(0)} ms\n`,
    );
    return {
      [`search.first_query_ms_after_import@${n}`]: r.firstQueryMs,
      [`search.open_ms_after_import@${n}`]: r.openMs,
      [`search.pending_at_first_query_after_import@${n}`]: r.pending,
      [`search.catch_up_ms_after_import@${n}`]: r.catchUpMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runAfterImportBench(): Promise<Record<string, number>> {
  // The CLI runs the bundle, built here from the current sources as the tests' set-up does.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const sizes = (process.env.NEWSDESK_AFTER_IMPORT_SIZES ?? '60000').split(',').filter(Boolean).map(Number);
  const figures: Record<string, number> = {};
  for (const n of sizes) Object.assign(figures, await figuresAt(n));
  return figures;
}
