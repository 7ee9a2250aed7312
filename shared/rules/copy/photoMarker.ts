/**
 * Photo lines in raw copy: a marker the writer left where a photo goes ("[图片：说明]", "【图：说明 甲 摄】",
 * "［图片］") as well as a caption set with its credit. Either becomes a photo block, never a paragraph.
 */
import { splitCaptionCredit, type CaptionWithCredit } from '../parseCredit';

/** [图片：…], 【图片:…】, ［图］, (图片) …: a bracketed 图/图片/照片 label, with or without a caption after a colon. */
const MARKER = /^[[【［(（〔]\s*(?:图片|照片|图)\s*(?:[:：]\s*([^\]】］)）〕]*?))?\s*[\]】］)）〕]$/u;

/** The caption and credit of a photo marker line, or null when the line is not one. */
export function photoMarker(line: string): CaptionWithCredit | null {
  const m = MARKER.exec(line.trim());
  if (!m) return null;
  const inner = (m[1] ?? '').trim();
  // "[图片：赛事现场 全媒体记者 甲 摄]": the credit inside the marker is read as any caption's.
  return splitCaptionCredit(inner) ?? { caption: inner, credit: '' };
}

/** A photo line of either kind: a marker, or a caption set with its credit. */
export function photoLine(line: string): CaptionWithCredit | null {
  return photoMarker(line) ?? splitCaptionCredit(line);
}
