import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listOfBits, narrow, narrowByBits } from '../../../../electron/services/search/narrowPostings';

const ascending = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max }), { maxLength: 400 })
    .map((xs) => Uint32Array.from(xs.sort((a, b) => a - b)));

describe('narrowing postings', () => {
  it('keeps exactly the numbers in both lists, by merge or by galloping through a much longer list', () => {
    fc.assert(
      fc.property(ascending(2000), ascending(2000), fc.integer({ min: 1, max: 40 }), (a, b, shrink) => {
        // A short first list against a long one takes the galloping path; equal sizes take the merge.
        const short = a.filter((_, i) => i % shrink === 0);
        for (const [x, y] of [
          [a, b],
          [short, b],
          [b, short],
        ] as const) {
          const into = Uint32Array.from(x);
          const kept = narrow(into, into.length, y);
          const inY = new Set(y);
          expect([...into.subarray(0, kept)]).toEqual([...x].filter((n) => inY.has(n)));
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('handles empty lists and a number past the end of the other list', () => {
    expect(narrow(new Uint32Array(0), 0, Uint32Array.from([1, 2]))).toBe(0);
    expect(narrow(Uint32Array.from([5]), 1, new Uint32Array(0))).toBe(0);
    const into = Uint32Array.from([3, 9000]);
    expect(
      narrow(
        into,
        2,
        Uint32Array.from({ length: 100 }, (_, i) => i * 3),
      ),
    ).toBe(1);
    expect(into[0]).toBe(3);
  });
});

describe('postings as bit sets', () => {
  it('narrows by a bit set and lists its bits exactly as the list would', () => {
    fc.assert(
      fc.property(ascending(3000), ascending(3000), (a, b) => {
        const bits = new Uint32Array(Math.ceil(3001 / 32));
        for (const n of b) bits[n >>> 5]! |= 1 << (n & 31);
        expect([...listOfBits(bits, b.length)]).toEqual([...b]);
        const into = Uint32Array.from(a);
        const kept = narrowByBits(into, into.length, bits);
        const inB = new Set(b);
        expect([...into.subarray(0, kept)]).toEqual([...a].filter((n) => inB.has(n)));
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
