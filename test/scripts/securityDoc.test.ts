// docs/SECURITY.md matches the tests: every item names at least one test, and every test it names
// exists (the file, and a test whose title holds the quoted words).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'SECURITY.md'), 'utf8');
/** The items the document asserts; the Electronegativity section explains findings instead. */
const asserted = doc.slice(0, doc.indexOf('## Electronegativity findings left, explained'));
const items = asserted
  .split(/\n(?=- )/)
  .filter((chunk) => chunk.startsWith('- '))
  .map((chunk) => chunk.split(/\n(?=#)/)[0]!);
const REF = /(test\/[\w./-]+\.test\.ts) "([^"]+)"/g;

describe('docs/SECURITY.md', () => {
  it('lists items', () => {
    expect(items.length).toBeGreaterThan(20);
  });

  it.each(items.map((item) => [item.slice(2, 70).replace(/\s+/g, ' '), item]))('"%s…" names a test', (_head, item) => {
    expect([...item.matchAll(REF)].length).toBeGreaterThan(0);
  });

  it.each([...asserted.matchAll(REF)].map((m) => [m[1]!, m[2]!]))('%s has a test "%s"', (file, title) => {
    expect(existsSync(join(ROOT, file))).toBe(true);
    const source = readFileSync(join(ROOT, file), 'utf8');
    const titles = [
      ...source.matchAll(/\bit(?:\.each\([\s\S]*?\)|\.skipIf\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1)[\s\S])*)\1/g),
    ].map((m) => m[2]!);
    expect(titles.some((t) => t.includes(title))).toBe(true);
  });
});
