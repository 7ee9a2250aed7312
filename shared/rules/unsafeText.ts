/**
 * Characters no story may hold: C0 controls other than tab and line feed, the noncharacters U+FFFE and
 * U+FFFF, and lone surrogates. No writer agrees on them (XML forbids most, GB18030 keeps them, a PDF prints
 * boxes), so they are refused at the contract, removed (and reported) where foreign text comes in, and
 * removed the same way from every export format when an older store already holds them.
 */

/** One offending character. With the u flag a whole surrogate pair is one code point, so the range matches lone halves only. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** Line breaks as raw copy and pasted text carry them (CR LF, a lone CR): made LF before cleaning, not removed. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export interface UnsafeChar {
  /** Index in UTF-16 code units. */
  index: number;
  /** "U+0001": safe to show where the character itself is not. */
  codePoint: string;
}

export function codePointName(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character a story may not hold, or null. */
export function findUnsafeChar(text: string): UnsafeChar | null {
  const m = UNSAFE.exec(text);
  return m ? { index: m.index, codePoint: codePointName(m[0].charCodeAt(0)) } : null;
}

export interface StrippedText {
  text: string;
  removed: number;
  /** Distinct code points removed, in order of first appearance ("U+0001"). */
  codePoints: string[];
}

export function stripUnsafeText(text: string): StrippedText {
  const codePoints: string[] = [];
  let removed = 0;
  const out = text.replace(UNSAFE_ALL, (c) => {
    removed++;
    const name = codePointName(c.charCodeAt(0));
    if (!codePoints.includes(name)) codePoints.push(name);
    return '';
  });
  return { text: removed ? out : text, removed, codePoints };
}

/** Raw copy or pasted text made safe to store: line breaks made LF, then the unsafe characters removed. */
export function cleanForeignText(text: string): StrippedText {
  return stripUnsafeText(normalizeLineBreaks(text));
}

/** Where an unsafe character sits in a JSON value: its path of keys and indexes, and the character. */
export interface UnsafeFind {
  path: (string | number)[];
  char: UnsafeChar;
}

/** The first string in a JSON value (object keys included) that holds an unsafe character. */
export function findUnsafeInValue(value: unknown, path: (string | number)[] = []): UnsafeFind | null {
  if (typeof value === 'string') {
    const char = findUnsafeChar(value);
    return char ? { path, char } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnsafeInValue(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const inKey = findUnsafeChar(key);
      if (inKey) return { path: [...path, key], char: inKey };
      const found = findUnsafeInValue(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A copy of a JSON value with every string cleaned, and what was removed from all of them together. */
export function stripUnsafeInValue<T>(value: T): { value: T; removed: number; codePoints: string[] } {
  let removed = 0;
  const codePoints: string[] = [];
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const s = stripUnsafeText(v);
      removed += s.removed;
      for (const c of s.codePoints) if (!codePoints.includes(c)) codePoints.push(c);
      return s.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [walk(k) as string, walk(item)]));
    return v;
  };
  const out = walk(value) as T;
  return { value: removed ? out : value, removed, codePoints };
}
