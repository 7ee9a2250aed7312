// Runs the newsdesk command as a user would (node bin/newsdesk.js), with the exit code and both streams.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a command run against its own store and config folder inside `dir`. */
export function storeEnv(dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEWSDESK_STORE: join(dir, 'store'), NEWSDESK_CONFIG_DIR: join(dir, 'config'), ...extra };
}

/** A failed command resolves too: its exit code and output are what the tests check. */
export async function runNewsdesk(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
