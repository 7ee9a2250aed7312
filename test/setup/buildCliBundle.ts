/**
 * Global set-up: builds dist-cli/ from the current sources before any test runs, and makes every
 * `bin/newsdesk.js` the tests spawn insist on it (NEWSDESK_CLI=bundle), so the suites run the command
 * `npm install` ships, not the sources through tsx. Runs once per `vitest` process, whichever projects run.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');

export default async function buildCliBundle(): Promise<void> {
  // Both projects list this set-up; the second finds the mark the first left in this process.
  if (process.env.NEWSDESK_CLI === 'bundle') return;
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
  // Set in vitest's own process before its workers start, so every test and every child it spawns inherits it.
  process.env.NEWSDESK_CLI = 'bundle';
}
