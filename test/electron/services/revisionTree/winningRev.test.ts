import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { winningRev } from 'pouchdb-merge';
import { addRemote, leaves, winner, type Revisions } from '../../../../electron/services/revisionTree/revTree';
import type { RevTree } from '../../../../shared/model/syncFields';

/** A random history: each edit extends a random existing revision; some leaves are tombstones. */
const historyArb = fc
  .record({
    parents: fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
    hashes: fc.array(fc.stringMatching(/^[0-9a-f]{6}$/), { minLength: 26, maxLength: 26 }),
    deleted: fc.array(fc.boolean(), { minLength: 26, maxLength: 26 }),
    seed: fc.nat(),
  })
  .map(({ parents, hashes, deleted, seed }) => {
    const nodes: { pos: number; hash: string; parent: number | null }[] = [{ pos: 1, hash: hashes[0]!, parent: null }];
    parents.forEach((p, i) => {
      const parent = p % nodes.length;
      nodes.push({ pos: nodes[parent]!.pos + 1, hash: hashes[i + 1]!, parent });
    });
    const childless = nodes.map((_, i) => i).filter((i) => !nodes.some((n) => n.parent === i));
    const paths: { revisions: Revisions; deleted: boolean }[] = childless.map((i) => {
      const ids: string[] = [];
      for (let at: number | null = i; at !== null; at = nodes[at]!.parent) ids.push(nodes[at]!.hash);
      return { revisions: { start: nodes[i]!.pos, ids }, deleted: deleted[i]! };
    });
    return { paths, seed };
  });

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function build(paths: { revisions: Revisions; deleted: boolean }[]): RevTree {
  let tree: RevTree | null = null;
  for (const p of paths) tree = addRemote(tree, p.revisions, p.deleted);
  return tree!;
}

/** CouchDB's rule written out from its documentation: live before deleted, then longest, then highest hash. */
function ruleWinner(tree: RevTree): string {
  const sorted = leaves(tree).sort((x, y) => {
    if (x.deleted !== y.deleted) return x.deleted ? 1 : -1;
    const [px, hx] = [Number(x.rev.split('-')[0]), x.rev.split('-')[1]!];
    const [py, hy] = [Number(y.rev.split('-')[0]), y.rev.split('-')[1]!];
    return px !== py ? py - px : hx < hy ? 1 : hx > hy ? -1 : 0;
  });
  return sorted[0]!.rev;
}

describe('the winning revision', () => {
  it('is the same whatever order the revisions arrive in, and is pouchdb-merge’s and CouchDB’s winner', () => {
    fc.assert(
      fc.property(historyArb, ({ paths, seed }) => {
        const one = build(paths);
        const other = build(shuffled(paths, seed));
        expect(winner(one)).toBe(winner(other));
        expect(winner(one)).toBe(winningRev({ rev_tree: structuredClone(other) }));
        expect(winner(one)).toBe(ruleWinner(one));
        expect(
          leaves(one)
            .map((l) => l.rev)
            .sort(),
        ).toEqual(
          leaves(other)
            .map((l) => l.rev)
            .sort(),
        );
      }),
      { numRuns: 500 },
    );
  });
});
