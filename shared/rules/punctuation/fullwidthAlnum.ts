/** GB/T 15835-2011: Arabic numerals and Latin letters are set half-width; ２０２４ is a typing slip. */
import type { Finding } from './finding';

const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]+/g;

export function checkFullwidthAlnum(text: string): Finding[] {
  return [...text.matchAll(FULLWIDTH_ALNUM)].map((m) => ({
    rule: 'fullwidth-alphanumeric' as const,
    start: m.index,
    end: m.index + m[0].length,
    message: '数字和拉丁字母应使用半角',
    fix: {
      start: m.index,
      end: m.index + m[0].length,
      replacement: [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join(''),
    },
  }));
}
