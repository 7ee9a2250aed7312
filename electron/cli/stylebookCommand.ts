/** `newsdesk stylebook import FILE.csv | export FILE.csv`: the paper's style book to and from a spreadsheet. */
import { readFile } from 'node:fs/promises';
import type { NewsdeskClient } from '../../shared/ipc/client';
import { parseStylebookCsv, StylebookCsvError, stylebookToCsv } from '../../shared/rules/lint/stylebookCsv';
import { writeFileAtomic } from '../services/atomicFile';

export class StylebookUsageError extends Error {}

export interface StylebookCommandOutput {
  lines: string[];
  /** Problems that refused the command (bad CSV rows by line, a refused save). */
  errors: string[];
}

export async function runStylebookCommand(args: string[], client: NewsdeskClient): Promise<StylebookCommandOutput> {
  const [sub, file] = args;
  if ((sub !== 'import' && sub !== 'export') || !file)
    throw new StylebookUsageError('usage: newsdesk stylebook import FILE.csv | stylebook export FILE.csv');
  if (sub === 'export') {
    const got = await client.call('stylebook.get', {});
    if (!got.ok) return { lines: [], errors: [`${got.error.code}: ${got.error.message}`] };
    await writeFileAtomic(file, `\uFEFF${stylebookToCsv(got.value)}`, 0o644);
    return {
      lines: [`已导出 ${got.value.entries.length} 条、保留词 ${got.value.keep.length} 个到 ${file}`],
      errors: [],
    };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new StylebookUsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let book;
  try {
    book = parseStylebookCsv(text);
  } catch (e) {
    // Nothing is saved: a file with one bad row is refused whole, every bad row named.
    if (e instanceof StylebookCsvError)
      return { lines: [], errors: e.problems.map((p) => `${file} 第 ${p.line} 行：${p.message}`) };
    throw e;
  }
  const saved = await client.call('stylebook.save', book);
  if (!saved.ok) return { lines: [], errors: [`${saved.error.code}: ${saved.error.message}`] };
  return { lines: [`已导入 ${saved.value.entries.length} 条、保留词 ${saved.value.keep.length} 个`], errors: [] };
}
