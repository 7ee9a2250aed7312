/** GB/T 15834-2011: a mark is not doubled (，， 。。), ！ and ？ stack at most three, an ellipsis is “……”. */
import type { Finding } from './finding';

/** Marks that never stand twice in a row; half-width forms count with their full-width twins. */
const SINGLE_MARKS = /[，,。、；;：:]{2,}/g;
const NORMAL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
/** When different marks collide (，。), the stronger stop is the one meant. */
const STRENGTH = ['。', '；', '：', '，', '、'];
/** ！！！ and ？？？ are allowed for strong feeling, never more. */
const STACKED = /[！!]{4,}|[？?]{4,}/g;
/** A lone … or three of them: the ellipsis is two (……), or four for a whole paragraph left out. */
const ELLIPSIS = /…+/g;

function inMask(mask: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mask[i]) return true;
  return false;
}

export function checkRepeated(text: string, mask: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(SINGLE_MARKS)) {
    const run = m[0];
    const start = m.index;
    if (inMask(mask, start, start + run.length)) continue;
    const marks = new Set([...run].map((c) => NORMAL[c] ?? c));
    let replacement: string;
    let message: string;
    if (marks.size === 1 && run[0] === '。' && run.length >= 3) {
      replacement = '……';
      message = '省略号应使用“……”';
    } else if (marks.size === 1) {
      // ",," keeps its width (the half-width rule judges it); ",，" becomes the full-width mark.
      replacement = [...run].every((c) => c === run[0]) ? run[0]! : [...marks][0]!;
      message = `标点“${[...marks][0]}”重复`;
    } else {
      replacement = STRENGTH.find((s) => marks.has(s)) ?? [...marks][0]!;
      message = `标点连用：“${run}”应只保留一个`;
    }
    findings.push({
      rule: 'repeated-punctuation',
      start,
      end: start + run.length,
      message,
      fix: { start, end: start + run.length, replacement },
    });
  }
  for (const m of text.matchAll(STACKED)) {
    if (inMask(mask, m.index, m.index + m[0].length)) continue;
    const mark = /[！!]/.test(m[0]) ? '！' : '？';
    findings.push({
      rule: 'repeated-punctuation',
      start: m.index,
      end: m.index + m[0].length,
      message: `“${mark}”叠用最多三个`,
      fix: { start: m.index, end: m.index + m[0].length, replacement: mark.repeat(3) },
    });
  }
  for (const m of text.matchAll(ELLIPSIS)) {
    if (m[0].length === 2 || m[0].length === 4) continue;
    findings.push({
      rule: 'repeated-punctuation',
      start: m.index,
      end: m.index + m[0].length,
      message: '省略号应为两个“…”连用（“……”）',
      fix: { start: m.index, end: m.index + m[0].length, replacement: '……' },
    });
  }
  return findings;
}
