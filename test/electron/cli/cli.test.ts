import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'newsdesk.js');
let dir: string;
let env: NodeJS.ProcessEnv;

async function newsdesk(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-'));
  env = { ...process.env, NEWSDESK_STORE: join(dir, 'store'), NEWSDESK_CONFIG_DIR: join(dir, 'config') };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the newsdesk command', () => {
  it('creates through `call`, then lists and shows the story', async () => {
    const created = await newsdesk('call', 'articles.create', JSON.stringify({ kind: 'story', content: { headline: '株洲123个项目集中开工' } }));
    expect(created.code).toBe(0);
    const article = JSON.parse(created.stdout) as { id: string; revision: number };
    expect(article.revision).toBe(1);

    const list = await newsdesk('list');
    expect(list.stdout).toContain(article.id);
    expect(list.stdout).toContain('株洲123个项目集中开工');

    const json = JSON.parse((await newsdesk('list', '--json')).stdout) as { total: number };
    expect(json.total).toBe(1);

    const shown = JSON.parse((await newsdesk('show', article.id, '--json')).stdout) as { headline: string };
    expect(shown.headline).toBe('株洲123个项目集中开工');
  });

  it('honours --store over NEWSDESK_STORE', async () => {
    const other = join(dir, 'other');
    const list = await newsdesk('list', '--json', '--store', other);
    expect(JSON.parse(list.stdout)).toEqual({ total: 0, items: [] });
  });

  it.each([
    [['call', 'articles.get', '{"id":"../../etc/passwd"}'], /validation/],
    [['call', 'articles.get', '{not json'], /not JSON/],
    [['call', 'no.such.channel', '{}'], /unknown_channel/],
    [['frobnicate'], /unknown command/],
    [['show', 'a-doesnotexist1'], /not_found/],
  ])('exits non-zero with one line for %j', async (args, message) => {
    const r = await newsdesk(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
