/**
 * The style book as CSV, for the chief editor's spreadsheet: one entry a row under a header
 * (错误写法,正确写法,原因,级别,范围,例外). 级别 is 必改 or 建议, or 保留 for a name or title kept
 * as written; 范围 is 整词 or 子串; exceptions are separated by ｜ or |. Parsing (quotes, commas
 * inside fields, a BOM) is papaparse's; a file with any bad row is refused whole, by line.
 */
import Papa from 'papaparse';
import { StylebookEntrySchema, type Stylebook, type StylebookEntry } from '../../model/stylebook';

export const CSV_HEADER = ['错误写法', '正确写法', '原因', '级别', '范围', '例外'] as const;
const SEVERITY: Record<string, StylebookEntry['severity']> = {
  必改: 'must',
  建议: 'suggest',
  must: 'must',
  suggest: 'suggest',
};
const SCOPE: Record<string, StylebookEntry['scope']> = {
  整词: 'word',
  子串: 'substring',
  word: 'word',
  substring: 'substring',
};
const KEEP = new Set(['保留', 'keep']);

export interface CsvProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  message: string;
}

export class StylebookCsvError extends Error {
  constructor(readonly problems: readonly CsvProblem[]) {
    super(problems.map((p) => `第 ${p.line} 行：${p.message}`).join('\n'));
    this.name = 'StylebookCsvError';
  }
}

/** Entries and kept words from a CSV file, or a StylebookCsvError naming every bad line. */
export function parseStylebookCsv(text: string): Pick<Stylebook, 'entries' | 'keep'> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  // Lines are counted from the records' own line breaks, so a blank line skipped still counts.
  const lineOf = lineCounter(text.replace(/^\uFEFF/, ''));
  const rows = parsed.data;
  const header = rows[0]?.map((h) => h.trim()) ?? [];
  if (CSV_HEADER.some((h, i) => header[i] !== h))
    throw new StylebookCsvError([{ line: 1, message: `表头应为 ${CSV_HEADER.join(',')}` }, ...problems]);
  const entries: StylebookEntry[] = [];
  const keep: string[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = lineOf(i + 1);
    const [wrong = '', right = '', reason = '', level = '', scope = '', exceptions = ''] = row.map((c) => c.trim());
    if (row.length > CSV_HEADER.length && row.slice(CSV_HEADER.length).some((c) => c.trim())) {
      problems.push({ line, message: `多出 ${row.length - CSV_HEADER.length} 列` });
      return;
    }
    if (KEEP.has(level)) {
      if (!wrong) problems.push({ line, message: '保留的词为空' });
      else keep.push(wrong);
      return;
    }
    const candidate = {
      wrong,
      right,
      reason,
      severity: SEVERITY[level],
      scope: scope === '' ? 'substring' : SCOPE[scope],
      exceptions: exceptions
        ? exceptions
            .split(/[｜|]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
    };
    if (!candidate.severity) return problems.push({ line, message: `级别“${level}”应为 必改、建议 或 保留` });
    if (!candidate.scope) return problems.push({ line, message: `范围“${scope}”应为 整词 或 子串` });
    const ok = StylebookEntrySchema.safeParse(candidate);
    if (!ok.success) {
      const issue = ok.error.issues[0]!;
      return problems.push({
        line,
        message: `${CSV_HEADER[['wrong', 'right', 'reason', 'severity', 'scope', 'exceptions'].indexOf(String(issue.path[0]))] ?? issue.path.join('.')}：${issue.message}`,
      });
    }
    if (ok.data.right === ok.data.wrong) return problems.push({ line, message: '正确写法与错误写法相同' });
    const earlier = seen.get(ok.data.wrong);
    if (earlier !== undefined) return problems.push({ line, message: `“${ok.data.wrong}”已在第 ${earlier} 行` });
    seen.set(ok.data.wrong, line);
    entries.push(ok.data);
  });
  if (problems.length > 0) throw new StylebookCsvError(problems.sort((a, b) => a.line - b.line));
  return { entries, keep };
}

/** Record n (0 = header) → its first line in the file, skipping blank lines as papaparse did. */
function lineCounter(text: string): (record: number) => number {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  let blank = true;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (atRecordStart) {
      starts.push(line);
      atRecordStart = false;
      blank = true;
    }
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === undefined || (ch === '\n' && !inQuotes)) {
      if (blank) starts.pop();
      atRecordStart = true;
    } else if (ch !== '\r' && ch !== ' ' && ch !== ',') blank = false;
    if (ch === '\n') line++;
  }
  return (record) => starts[record] ?? line;
}

export function stylebookToCsv(book: Pick<Stylebook, 'entries' | 'keep'>): string {
  const level = { must: '必改', suggest: '建议' } as const;
  const scope = { word: '整词', substring: '子串' } as const;
  const rows = [
    ...book.entries.map((e) => [
      e.wrong,
      e.right,
      e.reason,
      level[e.severity],
      scope[e.scope],
      e.exceptions.join('｜'),
    ]),
    ...book.keep.map((k) => [k, '', '', '保留', '', '']),
  ];
  return `${Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: '\n' }).trimEnd()}\n`;
}
