// Loads the sample stories in test/fixtures/copy with the structure each must parse to.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedCopy } from '../../../shared/rules/parseCopy';

const DIR = join(import.meta.dirname, '../../fixtures/copy');

export interface CopyFixture {
  name: string;
  text: string;
  expected: ParsedCopy;
}

export function loadCopyFixtures(): CopyFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.txt$/, ''),
      text: readFileSync(join(DIR, f), 'utf8'),
      expected: JSON.parse(readFileSync(join(DIR, f.replace(/\.txt$/, '.expected.json')), 'utf8')) as ParsedCopy,
    }));
}
