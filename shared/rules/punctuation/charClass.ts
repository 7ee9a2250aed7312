/** Which characters make a stretch of text Chinese, and which spans (URLs, e-mail, phone numbers) no rule may touch. */

const HAN = /\p{Script=Han}/u;
/** CJK and full-width punctuation, and the curly quotes and ellipsis that Chinese text uses. */
const CHINESE_PUNCT =
  /[\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\u201C\u201D\u2018\u2019\u2026\u2014\uFE10-\uFE1F\uFE30-\uFE4F]/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** A Han character or Chinese punctuation: its neighbours are in Chinese context. */
export function isChinese(ch: string | undefined): boolean {
  return ch !== undefined && (HAN.test(ch) || CHINESE_PUNCT.test(ch));
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/** Spaces inside a line; a line break is never skipped, it ends the context. */
export function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u3000';
}

/** The code point that ends just before index i (surrogate pairs read whole). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

export function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(i)!);
}

/** The nearest character before i, skipping inline spaces; its index too. */
export function previousSignificant(text: string, i: number): { ch: string | undefined; index: number } {
  let j = i;
  while (j > 0 && isInlineSpace(text[j - 1])) j--;
  const ch = charBefore(text, j);
  return { ch, index: ch === undefined ? -1 : j - ch.length };
}

/** The nearest character at or after i, skipping inline spaces; its index too. */
export function nextSignificant(text: string, i: number): { ch: string | undefined; index: number } {
  let j = i;
  while (j < text.length && isInlineSpace(text[j])) j++;
  const ch = charAt(text, j);
  return { ch, index: ch === undefined ? -1 : j };
}

const URL = /(?:https?:\/\/|ftp:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Area codes in brackets are how phone numbers print: (0731)28888888, （0731）-2888 8888. */
const PHONE = /[(（]0\d{2,3}[)）][\s-]?\d{3,4}[\s-]?\d{4}|0\d{2,3}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|400-?\d{3}-?\d{4}/g;

/** A URL's trailing punctuation belongs to the sentence, as does a closing bracket it never opened. */
function trimUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0))
    u = u.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return u;
}

/** A mask over the text: 1 where a URL, an e-mail address or a phone number sits. */
export function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, length: number) => mask.fill(1, start, start + length);
  for (const m of text.matchAll(URL)) mark(m.index, trimUrl(m[0]).length);
  for (const m of text.matchAll(EMAIL)) mark(m.index, m[0].length);
  for (const m of text.matchAll(PHONE)) mark(m.index, m[0].length);
  return mask;
}
