/**
 * Plain text for 飞腾 and 书版 in GB18030. GB18030 carries every Unicode character, but older
 * typesetting fonts and systems stop at GBK, so a name character outside GBK is a warning.
 */
import iconv from 'iconv-lite';
import type { Article } from '../../../shared/model/article';

export function encodeGb18030(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

function inGbk(ch: string): boolean {
  return iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') === ch;
}

/** Names in bylines, correspondents and photo credits with characters GBK lacks (rare surname characters). */
export interface NameOutsideGbk {
  name: string;
  chars: string[];
  message: string;
}

export function namesOutsideGbk(article: Article): NameOutsideGbk[] {
  const names = [...article.bylines.map((b) => b.name), ...article.correspondents.map((c) => c.name)];
  for (const block of article.body)
    if (block.type === 'photo' && block.credit?.kind === 'photographer') names.push(block.credit.name);
  const out: NameOutsideGbk[] = [];
  for (const name of names) {
    const bad = [...name].filter((ch) => !inGbk(ch));
    if (bad.length)
      out.push({
        name,
        chars: bad,
        message: `“${name}”中的 ${bad.map((c) => `${c}(U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join('、')} 不在 GBK 字符集内`,
      });
  }
  return out;
}
