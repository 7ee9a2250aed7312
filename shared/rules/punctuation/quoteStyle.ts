/** One text uses one style of quotation marks: “” ‘’ (the mainland standard) or 「」 『』, not both. */
import type { Finding } from './finding';

const TO_CORNER: Record<string, string> = { '“': '「', '”': '」', '‘': '『', '’': '』' };
const TO_CURLY: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

export function checkQuoteStyle(text: string, mask: Uint8Array): Finding[] {
  const curly: number[] = [];
  const corner: number[] = [];
  for (const { index: i, 0: ch } of text.matchAll(/[“”‘’「」『』]/g)) {
    if (mask[i]) continue;
    // ’ inside a Latin word is an apostrophe and says nothing about the quote style.
    if (ch === '’' && /[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
    if (TO_CORNER[ch]) curly.push(i);
    else if (TO_CURLY[ch]) corner.push(i);
  }
  if (curly.length === 0 || corner.length === 0) return [];
  // The minority style is the slip; on a tie the mainland standard “” wins.
  const [minority, map, style] = corner.length <= curly.length ? [corner, TO_CURLY, '“”'] : [curly, TO_CORNER, '「」'];
  return minority.map((i) => ({
    rule: 'mixed-quote-style' as const,
    start: i,
    end: i + 1,
    message: `引号样式混用：全文应统一使用${style}`,
    fix: { start: i, end: i + 1, replacement: map[text[i]!]! },
  }));
}
