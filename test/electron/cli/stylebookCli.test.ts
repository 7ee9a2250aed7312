/**
 * `newsdesk lint --json` with every house rule, and `newsdesk stylebook import/export`, run as the
 * bundled command users install (test/setup/buildCliBundle.ts): a bad CSV is refused whole, by line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNewsdesk, storeEnv, type CliResult } from './runNewsdesk';

let dir: string;
let env: NodeJS.ProcessEnv;
const newsdesk = (...args: string[]): Promise<CliResult> => runNewsdesk(env, args);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-stylebook-cli-'));
  env = storeEnv(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = '错误写法,正确写法,原因,级别,范围,例外';
const COPY = '24年5月，推動項目投资15～30%，其它企业按装设备。';

interface JsonFinding {
  rule: string;
  source: string;
  offset: number;
  text: string;
  suggestion: string | null;
}

async function lintJson(file: string): Promise<JsonFinding[]> {
  const r = await newsdesk('lint', file, '--json');
  expect(r.code).toBe(1);
  return (JSON.parse(r.stdout) as JsonFinding[]).map(({ rule, source, offset, text, suggestion }) => ({
    rule,
    source,
    offset,
    text,
    suggestion,
  }));
}

describe('newsdesk lint --json and newsdesk stylebook', () => {
  it('lint --json names rule, source, offset, text and suggestion; the imported style book applies at once', async () => {
    const copy = join(dir, 'copy.txt');
    await writeFile(copy, COPY);
    const before = await lintJson(copy);
    expect(before.filter((f) => f.rule !== 'stylebook')).toEqual([
      {
        rule: 'number-form',
        source: expect.stringMatching(/^GB\/T 15835-2011 年月日/),
        offset: 0,
        text: '24',
        suggestion: '2024',
      },
      { rule: 'traditional-character', source: 'OpenCC TSCharacters', offset: 7, text: '動項', suggestion: '动项' },
      {
        rule: 'number-form',
        source: expect.stringMatching(/^GB\/T 15835-2011 数值范围/),
        offset: 12,
        text: '15～30%',
        suggestion: '15%～30%',
      },
    ]);
    expect(before.filter((f) => f.rule === 'stylebook')).toEqual([]);

    expect((await newsdesk('call', 'settings.update', '{"role":"chief-editor"}')).code).toBe(0);
    const csv = join(dir, 'book.csv');
    await writeFile(csv, `${HEADER}\n其它,其他,本报统一,必改,子串,\n按装,安装,形近字,建议,子串,\n`);
    const imported = await newsdesk('stylebook', 'import', csv);
    expect(imported).toMatchObject({ code: 0, stdout: '已导入 2 条、保留词 0 个\n' });

    const after = await lintJson(copy);
    expect(after.filter((f) => f.rule === 'stylebook')).toEqual([
      { rule: 'stylebook', source: '本报用语规范：其它 → 其他', offset: 19, text: '其它', suggestion: '其他' },
      { rule: 'stylebook', source: '本报用语规范：按装 → 安装', offset: 23, text: '按装', suggestion: '安装' },
    ]);
  });

  it('a CSV with bad rows is refused by line number and nothing of it is imported', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, `${HEADER}\n的,地,,必改,子串,\n\n坏,好,,很重要,,\n的,得,,必改,,\n`);
    const r = await newsdesk('stylebook', 'import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('第 4 行：级别“很重要”应为 必改、建议 或 保留');
    expect(r.stderr).toContain('第 5 行：“的”已在第 2 行');

    // The book is still the one imported before: export shows it, the good row of the bad file is not in it.
    const out = join(dir, 'out.csv');
    expect((await newsdesk('stylebook', 'export', out)).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(
      `\uFEFF${HEADER}\n其它,其他,本报统一,必改,子串,\n按装,安装,形近字,建议,子串,\n`,
    );
  });

  it('only the chief editor may import', async () => {
    expect((await newsdesk('call', 'settings.update', '{"role":"copy-editor"}')).code).toBe(0);
    const csv = join(dir, 'book2.csv');
    await writeFile(csv, `${HEADER}\n的,地,,必改,子串,\n`);
    const r = await newsdesk('stylebook', 'import', csv);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('forbidden: 只有值班总编可以修改本报用语规范');
  });
});
