#!/usr/bin/env node
// The `newsdesk` command. Runs the bundle `npm install` built (dist-cli/, see scripts/build-cli.mjs) when it is
// newer than every source it was built from; otherwise the TypeScript sources through tsx, as in development.
// NEWSDESK_CLI=bundle insists on the bundle (the test suites set it, so they run what `npm install` ships) and
// NEWSDESK_CLI=sources on the sources.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist-cli/newsdesk.mjs`;

/** @param {string} path */
function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** The newest modification time of the TypeScript the CLI is built from. */
function newestSource() {
  let newest = mtime(`${root}package.json`);
  for (const dir of ['electron', 'shared']) {
    for (const entry of readdirSync(`${root}${dir}`, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, mtime(`${entry.parentPath ?? entry.path}/${entry.name}`));
    }
  }
  return newest;
}

const built = mtime(bundle);
const fresh = built >= 0 && built >= newestSource();
const choice = process.env.NEWSDESK_CLI;
if (choice === 'bundle' && !fresh) {
  process.stderr.write(
    `newsdesk: NEWSDESK_CLI=bundle but ${bundle} is ${built < 0 ? 'missing' : 'older than the sources'} (npm run build:cli)\n`,
  );
  process.exit(2);
}
/** @type {() => Promise<void>} */
let main;
if (fresh && choice !== 'sources') {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const source = '../electron/cli/main.ts';
  ({ main } = await import(source));
}
await main();
