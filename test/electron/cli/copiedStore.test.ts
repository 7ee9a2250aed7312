// A store is itself: a copy made (cp -a) while the original's owner runs carries the owner's lock, but a
// process opening the copy owns the copy; nothing it saves reaches the original.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, storeRealPath } from '../../../electron/services/storeLock';
import { runNewsdesk, type CliResult } from './runNewsdesk';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');
let dir: string;
let original: string;
let copy: string;
let env: NodeJS.ProcessEnv;
let owner: ChildProcess;

function newsdesk(...args: string[]): Promise<CliResult> {
  return runNewsdesk(env, args);
}

async function call<T>(store: string, channel: string, payload: unknown): Promise<T> {
  const r = await newsdesk('--store', store, 'call', channel, JSON.stringify(payload));
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-copy-'));
  original = join(dir, 'original');
  copy = join(dir, 'copy');
  env = { ...process.env, NEWSDESK_CONFIG_DIR: join(dir, 'config') };
  owner = spawn(process.execPath, [BIN, 'serve', '--store', original], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    owner.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (/http:\/\/127\.0\.0\.1:\d+/.test(out)) resolve();
    });
    owner.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
});
afterAll(async () => {
  if (owner.exitCode === null) {
    const exited = new Promise((r) => owner.once('exit', r));
    owner.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

describe('a copied store', () => {
  it('names its store in the lock, and a copy made while the owner runs is its own store', async () => {
    const lock = JSON.parse(await readFile(join(original, LOCK_FILE), 'utf8')) as {
      pid: number;
      store: { id: string; path: string };
    };
    expect(lock.pid).toBe(owner.pid);
    expect(lock.store.path).toBe(await storeRealPath(original));
    expect(lock.store.id).toMatch(/^[0-9a-f-]{36}$/);

    // Through the running owner (this process forwards to it).
    const story = await call<{ id: string; revision: number }>(original, 'articles.create', {
      kind: 'story',
      content: { headline: '原稿标题' },
    });
    const issue = await call<{ id: string; revision: number; number: number }>(original, 'pageplan.createIssue', {
      date: '2026-06-01',
      template: '4版',
    });

    await run('cp', ['-a', original, copy]);
    // The copy holds the original's lock, live pid and all.
    expect(JSON.parse(await readFile(join(copy, LOCK_FILE), 'utf8'))).toMatchObject({ pid: owner.pid });

    const info = await call<{ dataDir: string }>(copy, 'app.info', {});
    expect(info.dataDir).toBe(copy);
    const inCopy = await call<Record<string, unknown> & { revision: number }>(copy, 'articles.get', { id: story.id });
    const { id: _i, status: _s, spikedFrom: _f, revision: _r, placement: _p, ...rest } = inCopy;
    const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _v, ...content } = rest;
    const saved = await call<{ revision: number }>(copy, 'articles.save', {
      id: story.id,
      baseRevision: inCopy.revision,
      content: { ...content, headline: '副本里改的标题' },
    });
    expect(saved.revision).toBe(2);
    const issueInCopy = await call<{ revision: number; number: number; pages: unknown[] }>(copy, 'issues.get', {
      id: issue.id,
    });
    await call(copy, 'issues.save', {
      id: issue.id,
      baseRevision: issueInCopy.revision,
      content: { date: '2026-06-01', number: issue.number + 100, pages: issueInCopy.pages },
    });

    // The original, asked through its owner, is as it was.
    const inOriginal = await call<{ headline: string; revision: number }>(original, 'articles.get', { id: story.id });
    expect(inOriginal).toMatchObject({ headline: '原稿标题', revision: 1 });
    const originalIssue = await call<{ number: number; revision: number }>(original, 'issues.get', { id: issue.id });
    expect(originalIssue).toMatchObject({ number: issue.number, revision: issue.revision });
    // The copy kept what it saved, and its lock now names the copy (taken over, then released).
    expect(await call<{ headline: string }>(copy, 'articles.get', { id: story.id })).toMatchObject({
      headline: '副本里改的标题',
    });
    expect((await call<{ dataDir: string }>(original, 'app.info', {})).dataDir).toBe(original);
  });
});
