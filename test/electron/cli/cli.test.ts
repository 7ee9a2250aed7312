import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNewsdesk, storeEnv, type CliResult } from './runNewsdesk';

let dir: string;
let env: NodeJS.ProcessEnv;

function newsdesk(...args: string[]): Promise<CliResult> {
  return runNewsdesk(env, args);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-'));
  env = storeEnv(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the newsdesk command', () => {
  it('creates through `call`, then lists and shows the story', async () => {
    const created = await newsdesk(
      'call',
      'articles.create',
      JSON.stringify({ kind: 'story', content: { headline: '株洲123个项目集中开工' } }),
    );
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

  it('--help lists every command main.ts handles', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(join(import.meta.dirname, '..', '..', '..', 'electron', 'cli', 'main.ts'), 'utf8');
    const commands = [...source.matchAll(/^\s*case '([a-z-]+)':/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['list', 'show', 'call', 'serve', 'lint']));
    const help = await newsdesk('--help');
    expect(help.code).toBe(0);
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  newsdesk ${command}\\b`, 'm'));
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

describe('newsdesk parse-copy, import-copy and lint', () => {
  const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'assets', 'sample');
  const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'copy');

  it('parse-copy prints exactly the expected structure of a fixture story', async () => {
    const { readFile } = await import('node:fs/promises');
    const r = await newsdesk('parse-copy', join(SAMPLE, '01-industrial-internet.txt'));
    expect(r.code).toBe(0);
    const expected = JSON.parse(
      await readFile(join(FIXTURES, '01-industrial-internet.expected.json'), 'utf8'),
    ) as Record<string, unknown>;
    // The preview adds each reporter's printed role (issue 22); nothing was imported, so no 疑似重复.
    expect(JSON.parse(r.stdout)).toEqual({ ...expected, bylines: [{ role: '全媒体记者', name: '高晓燕' }] });
  });

  it('import-copy stores drafts and prints their ids; lint --fix on an id saves the fixed story', async () => {
    const r = await newsdesk(
      'import-copy',
      join(SAMPLE, '02-major-projects.txt'),
      join(SAMPLE, '07-reading-campaign.txt'),
    );
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n');
    expect(ids).toHaveLength(2);
    const lint = await newsdesk('lint', ids[0]!);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/body\[\d+\]:\d+ {2}halfwidth-punctuation/);
    const fixed = await newsdesk('lint', ids[0]!, '--fix');
    expect(fixed.code).toBe(0);
    const shown = JSON.parse((await newsdesk('show', ids[0]!, '--json')).stdout) as {
      revision: number;
      body: { children: { text: string }[] }[];
    };
    expect(shown.revision).toBe(2);
    expect(JSON.stringify(shown.body)).not.toMatch(/[\u4e00-\u9fff],[\u4e00-\u9fff]/);
  });

  it('lint on a file prints line:column findings, and --fix rewrites the file', async () => {
    const { copyFile, readFile } = await import('node:fs/promises');
    const file = join(dir, 'copy.txt');
    await copyFile(join(SAMPLE, '09-marathon-buses.txt'), file);
    const r = await newsdesk('lint', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:3:\\d+ {2}halfwidth-punctuation`));
    expect((await newsdesk('lint', file, '--fix')).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('株洲日报（全媒体记者/高晓燕）');
  });
});
