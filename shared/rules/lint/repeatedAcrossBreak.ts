/**
 * A word or character doubled where a column break split the copy: "…发展的\n的目标" in raw copy,
 * or "发展的的目标" once the raw-copy column repair has joined the lines. Chinese doubles many
 * words on purpose (常常, 看看, 实实在在), so inside a line only function characters that are
 * never doubled in running text are judged, and reduplicated forms are let through.
 */
import type { Finding } from '../punctuation/finding';

/** Function characters a sentence never doubles (的的 and 了了 are the usual leftovers). */
const NEVER_DOUBLED = new Set('的了是在和与及或将把被也都就而并从向于其之以这该已让使给由');
/** Set phrases that do double them. */
const DOUBLED_ON_PURPOSE = ['不了了之', '了了分明', '了了可见', '小时了了', '在在皆是', '是是非非', '的的确确'];
/** AA words that may straddle a break as written (the line ends 常, the next starts 常). */
const REDUPLICATED = new Set(
  '常常 人人 天天 刚刚 渐渐 往往 纷纷 个个 年年 家家 处处 时时 步步 层层 重重 默默 慢慢 久久 轻轻 悄悄 看看 想想 试试 谈谈 说说 走走 等等 多多 好好 大大 小小 明明 偏偏 仅仅 稍稍 微微 紧紧 深深 高高 满满 源源 滚滚 熊熊 冉冉 匆匆 欣欣 蒸蒸 兢兢 业业 谢谢 爸爸 妈妈 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 宝宝 星星 日日 月月 点点 滴滴 朝朝 暮暮 生生 世世 色色 形形 种种 条条 件件 样样 事事 声声 句句 字字 一一'.split(
    ' ',
  ),
);

const HAN = /\p{Script=Han}/u;

function onPurpose(text: string, i: number): boolean {
  // AABB forms (实实在在, 的的确确): the pair before or after this one is itself a pair.
  if (i >= 2 && text[i - 2] === text[i - 1] && HAN.test(text[i - 1]!)) return true;
  if (text[i + 2] !== undefined && text[i + 2] === text[i + 3] && HAN.test(text[i + 2]!)) return true;
  return DOUBLED_ON_PURPOSE.some((phrase) => {
    const at = phrase.indexOf(text[i]! + text[i]!);
    return at >= 0 && text.startsWith(phrase, i - at);
  });
}

function deleteSecond(start: number, length: number, found: string, across: boolean): Finding {
  return {
    rule: 'repeated-across-break',
    start,
    end: start + length,
    message: across ? `换行处重复：“${found}”前后各一` : `“${found}${found}”重复，疑为断栏接排留下`,
    fix: { start, end: start + length, replacement: '' },
  };
}

export function checkRepeatedAcrossBreak(text: string, mask: Uint8Array): Finding[] {
  const out: Finding[] = [];
  // Across a line break: the last word of a line starts the next line again (one or two characters).
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const next = nl + 1;
    for (const length of [2, 1]) {
      const tail = text.slice(nl - length, nl);
      if (tail.length !== length || ![...tail].every((c) => HAN.test(c))) continue;
      if (text.slice(next, next + length) !== tail || mask[next]) continue;
      if (length === 1 && (REDUPLICATED.has(tail + tail) || onPurpose(text.slice(0, nl) + text.slice(next), nl - 1)))
        continue;
      // The fix removes the repeat at the start of the next line, so it stays within one paragraph.
      out.push(deleteSecond(next, length, tail, true));
      break;
    }
  }
  // Within a line, after the repair joined it: 的的, 了了.
  for (let i = 0; i + 1 < text.length; i++) {
    const ch = text[i]!;
    if (ch !== text[i + 1] || !NEVER_DOUBLED.has(ch) || mask[i] || mask[i + 1]) continue;
    if (text[i + 2] === ch || (i > 0 && text[i - 1] === ch)) continue;
    if (onPurpose(text, i)) continue;
    out.push(deleteSecond(i + 1, 1, ch, false));
  }
  return out;
}
