/**
 * The house rules against a corpus built from the sample stories' own sentences
 * (test/fixtures/house-style/corpus.json, built by buildCorpus.ts; each plant noted with its span):
 * recall of at least 0.9 for every kind, and not one finding on the unplanted originals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes, lintText } from '../../../../shared/rules/punctuation';
import { compileStylebook } from '../../../../shared/rules/lint/stylebookRule';
import type { Plant } from '../../../fixtures/house-style/buildCorpus';
import { CORPUS_STYLEBOOK } from '../../../fixtures/house-style/corpusStylebook';

const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../fixtures/house-style/corpus.json'), 'utf8'),
) as { sentences: number; plants: Plant[] };
const house = { stylebook: compileStylebook(CORPUS_STYLEBOOK), year: 2026 };
const lint = (text: string) => lintText(text, { house });

describe('the planted-error corpus', () => {
  it('has at least 200 planted sentences, every kind among them', () => {
    expect(corpus.plants.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(corpus.plants.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['number', 'repeated', 'stylebook', 'traditional']);
  });

  it('finds at least 90% of the plants of each kind, at the planted span', () => {
    const missed: Plant[] = [];
    const byKind = new Map<string, { found: number; total: number }>();
    for (const p of corpus.plants) {
      const hit = lint(p.planted).some((f) => f.rule === p.rule && f.start < p.end && p.start < f.end);
      const tally = byKind.get(p.kind) ?? { found: 0, total: 0 };
      tally.total++;
      if (hit) tally.found++;
      else missed.push(p);
      byKind.set(p.kind, tally);
    }
    for (const [kind, { found, total }] of byKind)
      expect({ kind, recall: found / total >= 0.9 }).toEqual({ kind, recall: true });
    const all = [...byKind.values()].reduce((a, b) => ({ found: a.found + b.found, total: a.total + b.total }));
    expect(all.found / all.total).toBeGreaterThanOrEqual(0.9);
    // The few misses, for whoever tunes the rules next.
    expect(missed.length).toBeLessThanOrEqual(Math.floor(corpus.plants.length * 0.1));
  });

  it("the rule's own fix turns a 繁简, style book or repeat plant back into the original", () => {
    const undone = corpus.plants.filter((p) => p.kind !== 'number');
    const restored = undone.filter((p) => {
      const found = lint(p.planted).filter((f) => f.rule === p.rule);
      return applyFixes(p.planted, found).replace('\n', '') === p.original;
    });
    expect(restored.length / undone.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing at all on the unplanted originals', () => {
    const originals = [...new Set(corpus.plants.map((p) => p.original))];
    expect(originals.length).toBeGreaterThan(40);
    const findings = originals.flatMap((o) => lint(o).map((f) => `${f.rule} ${o.slice(f.start, f.end)} in ${o}`));
    expect(findings).toEqual([]);
  });
});
