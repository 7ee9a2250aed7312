/** `npm run bench`: runs every benchmark, prints a table and writes bench/results.json (a flat object of figures). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runAfterImportBench } from './afterImportBench';
import { runCliBench } from './cliBench';
import { runCopyBench } from './copyBench';
import { runEditorBench } from './editorBench';
import { runScaleBench } from './scaleBench';
import { runExportBench } from './exportBench';
import { runSearchBench } from './searchBench';
import { runStoreBench } from './storeBench';
import { runPagePlanBench } from './pageplanBench';
import { runSuggestBench } from './suggestBench';
import { runSyncBench } from './syncBench';
import { runStylebookBench } from './stylebookBench';

type Suite = { name: string; run: () => Promise<Record<string, number>> };

const suites: Suite[] = [
  { name: 'store', run: runStoreBench },
  { name: 'search', run: runSearchBench },
  { name: 'copy', run: runCopyBench },
  { name: 'editor', run: runEditorBench },
  { name: 'cli', run: runCliBench },
  { name: 'scale', run: runScaleBench },
  { name: 'after-import', run: runAfterImportBench },
  { name: 'pageplan', run: runPagePlanBench },
  { name: 'export', run: runExportBench },
  { name: 'suggest', run: runSuggestBench },
  { name: 'sync', run: runSyncBench },
  { name: 'stylebook', run: runStylebookBench },
];

const only = process.argv.slice(2);
const RESULTS = join(import.meta.dirname, 'results.json');
// A run of some suites (`npm run bench -- cli`) updates their figures and keeps the others.
const results: Record<string, number> = only.length
  ? (JSON.parse(await readFile(RESULTS, 'utf8').catch(() => '{}')) as Record<string, number>)
  : {};
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  Object.assign(results, await suite.run());
}

const rounded = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v * 100) / 100]));
const width = Math.max(...Object.keys(rounded).map((k) => k.length));
process.stdout.write(`${'figure'.padEnd(width)}  value\n${'-'.repeat(width)}  -----\n`);
for (const [k, v] of Object.entries(rounded)) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
await writeFile(RESULTS, `${JSON.stringify(rounded, null, 2)}\n`);
