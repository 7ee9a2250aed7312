// The layer rule from CONVENTIONS.md, checked on every run so it stays true.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

const NODE_BUILTIN = /^(node:|fs$|path$|os$|crypto$|child_process$|http$|net$|url$|util$|stream$|events$)/;

describe('the layer rule', () => {
  it('shared/ imports nothing from Node, Electron, React or the DOM', () => {
    for (const file of sourceFiles(join(ROOT, 'shared'))) {
      for (const spec of importsOf(file)) {
        const where = relative(ROOT, file);
        expect(NODE_BUILTIN.test(spec), `${where} imports ${spec}`).toBe(false);
        expect(
          /^(electron|electron-store|react|react-dom|slate-react|conf|lowdb|ws)(\/|$)/.test(spec),
          `${where} imports ${spec}`,
        ).toBe(false);
        expect(spec.startsWith('.') && /\/(electron|renderer)\//.test(spec), `${where} imports ${spec}`).toBe(false);
      }
      expect(
        /\b(window|document|localStorage)\./.test(readFileSync(file, 'utf8')),
        `${relative(ROOT, file)} touches the DOM`,
      ).toBe(false);
    }
  });

  it('renderer/ never imports electron/ or Node', () => {
    for (const file of sourceFiles(join(ROOT, 'renderer'))) {
      for (const spec of importsOf(file)) {
        const where = relative(ROOT, file);
        expect(/(^|\/)electron(\/|$)/.test(spec) && !spec.startsWith('.'), `${where} imports ${spec}`).toBe(false);
        expect(spec.startsWith('.') && /(^|\/)\.\.\/(\.\.\/)*electron\//.test(spec), `${where} imports ${spec}`).toBe(
          false,
        );
        if (!file.endsWith('vite.config.ts')) expect(NODE_BUILTIN.test(spec), `${where} imports ${spec}`).toBe(false);
      }
    }
  });

  it("only electron/app and electron/preload import 'electron' or electron-store", () => {
    for (const dir of ['electron', 'shared', 'renderer']) {
      for (const file of sourceFiles(join(ROOT, dir))) {
        const rel = relative(ROOT, file);
        if (rel.startsWith('electron/app/') || rel.startsWith('electron/preload/')) continue;
        for (const spec of importsOf(file)) {
          expect(spec === 'electron' || spec === 'electron-store', `${rel} imports ${spec}`).toBe(false);
        }
      }
    }
  });
});
