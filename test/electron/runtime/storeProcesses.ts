/** Spawns and drives test/electron/runtime/fixtures/storeProcess.ts: one JSON line in, one out. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Result } from '../../../shared/ipc/errors';

const CHILD = join(import.meta.dirname, 'fixtures', 'storeProcess.ts');

export interface StoreProcess {
  mode: string;
  child: ChildProcessWithoutNullStreams;
  call(channel: string, payload: unknown): Promise<Result<unknown>>;
  exit(): Promise<void>;
}

export async function startStoreProcess(dir: string, name: string): Promise<StoreProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, name], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout });
  const waiting: { resolve: (line: string) => void; reject: (e: Error) => void }[] = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  child.once('exit', () => {
    for (const w of waiting.splice(0)) w.reject(new Error(`${name} exited: ${stderr}`));
  });
  const next = () => new Promise<string>((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = JSON.parse(await next()) as { ready: string };
  return {
    mode: ready.ready,
    child,
    async call(channel, payload) {
      const reply = next();
      child.stdin.write(`${JSON.stringify({ channel, payload })}\n`);
      return JSON.parse(await reply) as Result<unknown>;
    },
    exit: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.write('exit\n');
      }),
  };
}
