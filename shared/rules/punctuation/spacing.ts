/** Chinese is set without spaces between characters; a space there is a typing or conversion slip. */
import type { Finding } from './finding';

const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han})[ \t\u00a0\u3000]+(?=\p{Script=Han})/gu;

export function checkSpacing(text: string): Finding[] {
  return [...text.matchAll(SPACE_BETWEEN_HAN)].map((m) => ({
    rule: 'space-between-chinese' as const,
    start: m.index,
    end: m.index + m[0].length,
    message: '汉字之间不应有空格',
    fix: { start: m.index, end: m.index + m[0].length, replacement: '' },
  }));
}
