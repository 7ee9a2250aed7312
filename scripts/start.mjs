// `npm start`: builds and opens the Electron window; without the Electron binary, serves Newsdesk to the browser instead.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary, electronPackageDir } from './electronBinary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs a command in the project folder with the terminal attached; resolves to its exit code.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<number>}
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Ctrl+C reaches the child too; wait for it to close its store rather than leaving first.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const binary = electronBinary({ electronDir: electronPackageDir(import.meta.url) });

if (binary) {
  const built = await run(npm, ['run', '--silent', 'build']);
  process.exit(built || (await run(binary, ['.'])));
} else {
  process.stdout.write('no Electron binary: opening Newsdesk in your browser instead\n');
  const built = await run(npm, ['run', '--silent', 'build:renderer', '--', '--logLevel', 'error']);
  // The host prints its URL (with the access token) to open in a browser on this machine.
  process.exit(built || (await run(process.execPath, ['bin/newsdesk.js', 'serve', ...process.argv.slice(2)])));
}
