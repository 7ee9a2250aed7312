import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNewsdesk, storeEnv, type CliResult } from './runNewsdesk';

const COPY = join(import.meta.dirname, '..', '..', '..', 'assets', 'sample');
let dir: string;
let env: NodeJS.ProcessEnv;

function newsdesk(...args: string[]): Promise<CliResult> {
  return runNewsdesk(env, args);
}

/** The stored plan, read from disk: a refused command must leave it byte for byte. */
async function issueFile(): Promise<string> {
  return readFile(join(dir, 'store', 'issues', 'i-2026-12-01.json'), 'utf8');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-plan-'));
  env = storeEnv(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Every step spawns the CLI (tsx compiles on each start), which takes seconds on a busy machine.
describe('the page plan from the command line, on a fresh store', { timeout: 240_000 }, () => {
  let id: string;

  it('creates an issue from a template with a given 期号, then the next day with 期号 + 1', async () => {
    const created = await newsdesk('issue', 'create', '2026-12-01', '--number', '12000', '--template', '4版');
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('i-2026-12-01  第12000期  4版  A01 A02 A03 A04');
    const next = await newsdesk('issue', 'create', '2026-12-02', '--from', '2026-12-01');
    expect(next.stdout).toContain('第12001期  4版');
  });

  it('places a story and shows it in the flatplan, as text and JSON', async () => {
    id = (await newsdesk('import-copy', join(COPY, '02-major-projects.txt'))).stdout.trim();
    expect(id).toMatch(/^a-/);
    const placed = await newsdesk('place', id, '2026-12-01', 'A01', 'A01-2');
    expect(placed.code).toBe(0);
    const text = await newsdesk('flatplan', '2026-12-01');
    expect(text.code).toBe(0);
    const line = text.stdout.split('\n').find((l) => l.includes(id))!;
    expect(line).toMatch(/^A01\s+A01-2\s+a-\S+\s+draft\s+\d+\s+\d+\s+.*not_approved/);
    const json = JSON.parse((await newsdesk('flatplan', '2026-12-01', '--json')).stdout) as {
      rows: {
        page: string;
        slotId: string;
        articleId: string | null;
        status: string | null;
        targetChars: number;
        actualChars: number;
        problems: string[];
      }[];
    };
    expect(json.rows).toHaveLength(4 * 5);
    const row = json.rows.find((r) => r.articleId === id)!;
    expect(row).toMatchObject({ page: 'A01', slotId: 'A01-2', status: 'draft' });
    expect(row.targetChars).toBeGreaterThan(0);
    expect(row.actualChars).toBeGreaterThan(500);
    expect(row.problems).toContain('not_approved');
    const shown = JSON.parse((await newsdesk('show', id, '--json')).stdout) as { placement: unknown };
    expect(shown.placement).toEqual({ issueDate: '2026-12-01', page: 'A01', slotId: 'A01-2', order: 1 });
  });

  it.each([
    [['place', 'ID', '2026-12-09', 'A01', 'A01-1'], /找不到期次/],
    [['place', 'ID', '2026-12-01', 'B07', 'A01-1'], /没有 B07 版/],
    [['place', 'ID', '2026-12-01', 'A01', 'X-9'], /没有版位 X-9/],
    [['place', 'ID', '2026-12-01', 'A02', 'A02-1'], /已排在 A01 版/],
    [['place', 'ID', '12/01/2026', 'A02', 'A02-1'], /date/],
    [['place', 'ID', '2026-12-01', 'A01'], /usage/],
    [['flatplan', '2026-02-30'], /没有这一天/],
    [['issue', 'create', '2026-12-01'], /已存在/],
    [['issue', 'create', '2026-12-05', '--template', 'nope'], /没有名为「nope」/],
    [['issue', 'create', '2026-12-05', '--number', 'x'], /期号/],
    [['unplace', 'a-nosuchstory1'], /找不到稿件/],
  ])('refuses %j with one line and a non-zero exit, changing nothing', async (args, message) => {
    const before = await issueFile();
    const issues = await readdir(join(dir, 'store', 'issues'));
    const r = await newsdesk(...args.map((a) => (a === 'ID' ? id : a)));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await issueFile()).toBe(before);
    expect(await readdir(join(dir, 'store', 'issues'))).toEqual(issues);
  });

  it('unplaces the story', async () => {
    expect((await newsdesk('unplace', id)).code).toBe(0);
    const json = JSON.parse((await newsdesk('flatplan', '2026-12-01', '--json')).stdout) as {
      rows: { articleId: string | null }[];
    };
    expect(json.rows.some((r) => r.articleId === id)).toBe(false);
    const shown = JSON.parse((await newsdesk('show', id, '--json')).stdout) as { placement: unknown };
    expect(shown.placement).toBeNull();
  });
});
