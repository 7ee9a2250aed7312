// npm run lint:security: Electronegativity over the main process, preload and host code. Every
// finding must be explained in docs/SECURITY.md (by check name and file); an unexplained one fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronVersion = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
// SARIF (JSON) rather than CSV: a finding's sample may hold commas or line breaks.
const report = join(out, 'findings.sarif');
try {
  // -e: the installed version, so no network look-up of Electron releases is needed.
  execFileSync(
    process.execPath,
    [
      'node_modules/@doyensec/electronegativity/dist/index.js',
      '-i',
      'electron',
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-o',
      report,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  /** @typedef {{ ruleId: string, locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }} SarifResult */
  /** @type {{ runs: { results?: SarifResult[] }[] }} */
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const rows = sarif.runs.flatMap((run) => run.results ?? []);
  const explained = readFileSync('docs/SECURITY.md', 'utf8');
  /** @type {string[]} */
  const unexplained = [];
  for (const result of rows) {
    const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
    // Global checks have no file; SECURITY.md names them with N/A.
    const file = !uri || uri === 'file:///' ? 'N/A' : uri;
    const key = `${result.ruleId} (${file})`;
    console.log(`${explained.includes(key) ? 'explained  ' : 'UNEXPLAINED'} ${key}`);
    if (!explained.includes(key)) unexplained.push(key);
  }
  if (unexplained.length > 0) {
    console.error(`\n${unexplained.length} Electronegativity finding(s) not explained in docs/SECURITY.md`);
    process.exit(1);
  }
  console.log(`${rows.length} finding(s), all explained in docs/SECURITY.md`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
