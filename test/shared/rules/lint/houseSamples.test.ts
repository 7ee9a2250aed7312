/**
 * The house rules on real copy: the five sample stories (assets/sample; the raw-copy fixtures in
 * ../shared/fixtures/copy are the same five files byte for byte, so these are both), as raw text
 * and as the stories the import makes of them. Every finding a copy editor would get is listed
 * here with why it is right; there is none, so the list is empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintArticle, lintText } from '../../../../shared/rules/punctuation';
import { parseCopy, parsedCopyToContent } from '../../../../shared/rules/parseCopy';
import { compileStylebook } from '../../../../shared/rules/lint/stylebookRule';
import { CORPUS_STYLEBOOK } from '../../../fixtures/house-style/corpusStylebook';

const dir = join(import.meta.dirname, '../../../../assets/sample');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const HOUSE = new Set(['traditional-character', 'number-form', 'stylebook', 'repeated-across-break']);
const house = { stylebook: compileStylebook(CORPUS_STYLEBOOK), year: 2026 };

/** Every house finding on the samples, with the reason a copy editor would accept it. None yet. */
const EXPECTED: Record<string, { text: string; rule: string; why: string }[]> = Object.fromEntries(
  files.map((f) => [f, []]),
);

describe('the house rules on the sample stories', () => {
  it.each(files)('%s as raw copy: only the listed findings', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const found = lintText(text, { house }).filter((f) => HOUSE.has(f.rule));
    expect(found.map((f) => ({ text: text.slice(f.start, f.end), rule: f.rule }))).toEqual(
      EXPECTED[file]!.map(({ text: t, rule }) => ({ text: t, rule })),
    );
  });

  it.each(files)('%s as the imported story: only the listed findings', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const content = parsedCopyToContent(parseCopy(text, { paperName: '株洲日报' }));
    const found = lintArticle(content, house).filter((f) => HOUSE.has(f.rule));
    expect(found.map((f) => f.rule)).toEqual(EXPECTED[file]!.map((e) => e.rule));
  });

  // shared/ lies beside the repository (as CI lays it too); without it there is nothing to compare.
  const shared = join(import.meta.dirname, '../../../../../shared/fixtures/copy');
  it.skipIf(!existsSync(shared))('the shared raw-copy fixtures are these same files', () => {
    const names = readdirSync(shared).filter((f) => f.endsWith('.txt'));
    expect(names.sort()).toEqual(files);
    for (const f of names) expect(readFileSync(join(shared, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
  });
});
