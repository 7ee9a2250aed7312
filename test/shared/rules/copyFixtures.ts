// Loads each copy fixture with the structure it must parse to: NAME.expected.json here in test/fixtures/copy, its
// text beside it when it is a test-only story, else the product's sample story of that name in assets/sample.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedCopy } from '../../../shared/rules/parseCopy';

const DIR = join(import.meta.dirname, '../../fixtures/copy');
export const SAMPLE_DIR = join(import.meta.dirname, '../../../assets/sample');

function textOf(name: string): string {
  const own = join(DIR, `${name}.txt`);
  return readFileSync(existsSync(own) ? own : join(SAMPLE_DIR, `${name}.txt`), 'utf8');
}

export interface CopyFixture {
  name: string;
  text: string;
  expected: ParsedCopy;
}

export function loadCopyFixtures(): CopyFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '');
      return {
        name,
        text: textOf(name),
        expected: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as ParsedCopy,
      };
    });
}
