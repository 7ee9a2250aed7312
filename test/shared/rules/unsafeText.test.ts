// Which characters a story may not hold, and how foreign text is cleaned of them.
import { describe, expect, it } from 'vitest';
import {
  cleanForeignText,
  findUnsafeChar,
  findUnsafeInValue,
  stripUnsafeInValue,
  stripUnsafeText,
} from '../../../shared/rules/unsafeText';

describe('unsafe characters', () => {
  it.each([
    ['\u0001', 'U+0001'],
    ['\u0000', 'U+0000'],
    ['\u000B', 'U+000B'],
    ['\u000C', 'U+000C'],
    ['\r', 'U+000D'],
    ['\u001F', 'U+001F'],
    ['\uFFFE', 'U+FFFE'],
    ['\uFFFF', 'U+FFFF'],
    ['\uD800', 'U+D800'],
    ['\uDC00', 'U+DC00'],
  ])('%j is refused as %s', (c, name) => {
    expect(findUnsafeChar(`中文${c}x`)).toEqual({ index: 2, codePoint: name });
  });

  it.each([['\t'], ['\n'], ['𠮷'], ['😀'], ['\u007F'], ['\u3000'], ['中文，标点。']])('%j is kept', (s) => {
    expect(findUnsafeChar(s)).toBeNull();
    expect(stripUnsafeText(s)).toEqual({ text: s, removed: 0, codePoints: [] });
  });

  it('strips every occurrence and names each code point once', () => {
    expect(stripUnsafeText('a\u0001b\u0001c\uFFFEd\uD83D')).toEqual({
      text: 'abcd',
      removed: 4,
      codePoints: ['U+0001', 'U+FFFE', 'U+D83D'],
    });
  });

  it('foreign text keeps its line breaks (CR LF, CR become LF) and loses the rest', () => {
    expect(cleanForeignText('标题\r\n正文\r第二段\u000B完')).toEqual({
      text: '标题\n正文\n第二段完',
      removed: 1,
      codePoints: ['U+000B'],
    });
  });

  it('finds the path of the first string that holds one, and cleans a whole value', () => {
    const value = { headline: 'ok', body: [{ children: [{ text: 'a' }, { text: 'b\u0002' }] }] };
    expect(findUnsafeInValue(value)).toEqual({
      path: ['body', 0, 'children', 1, 'text'],
      char: { index: 1, codePoint: 'U+0002' },
    });
    const clean = stripUnsafeInValue(value);
    expect(clean.value.body[0]!.children[1]!.text).toBe('b');
    expect(clean.removed).toBe(1);
    expect(stripUnsafeInValue({ a: 'fine' }).removed).toBe(0);
  });
});
