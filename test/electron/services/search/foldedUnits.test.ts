import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUnits } from '../../../../electron/services/search/foldedUnits';
import { normalizeForSearch } from '../../../../electron/services/search/searchIndex';

/** Characters whose folding is easy to get wrong: width forms, spaces, ligatures, marks, jamo, kana sound marks, sigma, beyond the BMP. */
const TRICKY = Array.from(
  '株洲市ＡＢＣｄｅ１２３abcXYZ，。、：；！？（）“”　 \n\t\u00a0ﬁ㍿①½ΣΑσϹ\u0301é\u1100\u1161가ㄱㅏｶﾞﾟｰ\u3099İ𠀀𪚥\u0000',
);

function folded(s: string): string | null {
  const src = Uint16Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
  const out = new Uint16Array(s.length);
  const k = foldUnits(src, s.length, out);
  return k < 0 ? null : String.fromCharCode(...out.subarray(0, k));
}

describe('folding text as units', () => {
  it('equals normalizeForSearch whenever it folds at all, on mixes of tricky characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }), (chars) => {
        const s = chars.join('');
        const f = folded(s);
        if (f !== null) expect(f).toBe(normalizeForSearch(s));
      }),
      { seed: 5, numRuns: 2000 },
    );
  });

  it('equals normalizeForSearch whenever it folds at all, on random BMP text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }), (codes) => {
        const s = String.fromCharCode(...codes);
        const f = folded(s);
        if (f !== null) expect(f).toBe(normalizeForSearch(s));
      }),
      { seed: 9, numRuns: 3000 },
    );
  });

  it('folds plain Chinese copy with full-width forms and paragraph breaks itself, and leaves context-dependent text to the string fold', () => {
    expect(folded('株洲ＥＲＰ上线，\n\n总投资５８９亿元。')).toBe('株洲erp上线, 总投资589亿元。');
    expect(folded('ｶﾞ')).toBeNull();
    expect(folded('ΑΣ')).toBeNull();
    expect(folded('𠀀𪚥')).toBeNull();
  });
});

describe('the fold table filled ahead', () => {
  it('agrees with normalizeForSearch for every unified ideograph, printable ASCII and full-width form', () => {
    const codes = [
      ...Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, i) => 0x4e00 + i),
      ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0x21 + i),
      ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => 0xff01 + i),
    ];
    const src = Uint16Array.from(codes);
    const out = new Uint16Array(src.length);
    expect(foldUnits(src, src.length, out)).toBe(src.length);
    const expected = codes.map((c) => normalizeForSearch(String.fromCharCode(c)));
    expect(Array.from(out, (c) => String.fromCharCode(c))).toEqual(expected);
  });
});
