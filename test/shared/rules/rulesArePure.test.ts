// The copy-desk rules run anywhere: they import no Node, Electron, React or DOM module.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RULES = join(import.meta.dirname, '../../../shared/rules');
// Pure, dependency-free libraries only: schemas, diffs and the three-way merge; OpenCC's dictionaries
// (plain string modules) and papaparse (string in, rows out; its file and worker modes are unused).
const ALLOWED_PACKAGES = new Set([
  'zod',
  'diff',
  'node-diff3',
  'opencc-js/dict/TSCharacters',
  'opencc-js/dict/TSPhrases',
  'papaparse',
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('shared/rules', () => {
  it.each(sources(RULES).map((f) => [relative(RULES, f), f] as const))(
    '%s imports only the allowed pure packages and shared code',
    (_name, file) => {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
        (m) => m[1]!,
      );
      for (const spec of specifiers) {
        if (spec.startsWith('.')) expect(spec).not.toMatch(/(?:^|\/)(?:electron|renderer)\//);
        else expect(ALLOWED_PACKAGES.has(spec), `${spec} in ${file}`).toBe(true);
      }
    },
  );
});
