/**
 * CLI start-up: `newsdesk list` on an empty store against `node -e 0`, interleaved in one run so
 * both see the same machine load. The ratio is the figure; the two medians explain it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './stats';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'newsdesk.js');
const RUNS = 15;

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

export async function runCliBench(): Promise<Record<string, number>> {
  // Measure what users run: the bundle `npm install` builds, rebuilt so it is never stale.
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { stdio: 'inherit' });
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-bench-'));
  const env = { ...process.env, NEWSDESK_STORE: join(dir, 'store'), NEWSDESK_CONFIG_DIR: join(dir, 'config') };
  try {
    const list: number[] = [];
    const node: number[] = [];
    // One of each first: the store folder is created and the files are in the page cache.
    timed([BIN, 'list'], env);
    timed(['-e', '0'], env);
    for (let i = 0; i < RUNS; i++) {
      list.push(timed([BIN, 'list'], env));
      node.push(timed(['-e', '0'], env));
    }
    const listMs = median(list);
    const nodeMs = median(node);
    return {
      'cli.list_ms@empty': listMs,
      'cli.node_ms': nodeMs,
      'cli.list_ratio_to_node@empty': listMs / nodeMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runCliBench();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(32)} ${v.toFixed(2)}\n`);
}
