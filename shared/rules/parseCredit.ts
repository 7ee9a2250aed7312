/** Reads a printed photo credit (企业供图, 全媒体记者 甲 摄) into a structured PhotoCredit, and finds one at the end of a caption. */
import type { PhotoCredit } from '../model/people';
import { agencyPattern, isPersonName, ROLE_PATTERN, splitNames } from './copy/roles';

/** Credits are read with no paper name: a newsroom prefix is recognised by its shape alone. */
const ROLE = `(?:(?:${agencyPattern('')}|本报)?(?:${ROLE_PATTERN}))`;
const SUPPLIED = new RegExp(`^(?:(${ROLE})\\s*)?(\\S{1,16}?)\\s*供图$`, 'u');
const PHOTOGRAPHER = new RegExp(`^(?:(${ROLE})[\\s/／:：]*)?(.+?)\\s*摄(?:影)?$`, 'u');
/** 摄影/甲, 图/全媒体记者 甲: the label comes first. */
const LABELLED = new RegExp(`^(?:摄影|图)\\s*[/／:：]\\s*(?:(${ROLE})\\s*)?(.+)$`, 'u');
/** A supplier is a short name of an organisation or a role, never a sentence. */
const NOT_IN_SUPPLIER = /[。！？!?，,；;：:“”"…、()（）]/;

function collapse(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function photographer(role: string | undefined, namesText: string): PhotoCredit | null {
  const names = splitNames(namesText);
  if (!names) return null;
  // Without a role, "工人 甲 摄" would make 工人 a photographer: one name only.
  if (!role && names.length !== 1) return null;
  return { kind: 'photographer', role: role ?? '', name: collapse(namesText.replace(/^[/／:：\s]+/, '')) };
}

/** The credit as printed → structure; null when the text is not a credit we know. */
export function parseCredit(text: string): PhotoCredit | null {
  let t = text.trim();
  const bracketed = /^[(（](.*)[)）]$/u.exec(t);
  if (bracketed) t = bracketed[1]!.trim();
  if (!t) return null;

  const supplied = SUPPLIED.exec(t);
  if (supplied) {
    const [, role, by] = supplied;
    if (role && !isPersonName(by!)) return null;
    if (!role && NOT_IN_SUPPLIER.test(by!)) return null;
    return { kind: 'supplied', by: role ? `${role} ${by}` : by! };
  }
  const taken = PHOTOGRAPHER.exec(t) ?? LABELLED.exec(t);
  // "拍摄" is a word: without a role, a name set against 摄 needs at least two characters.
  if (taken && !taken[1] && /^\S$/u.test(taken[2]!) && !/\s摄/u.test(t)) return null;
  if (taken) return photographer(taken[1], taken[2]!);
  return null;
}

export interface CaptionWithCredit {
  caption: string;
  /** The credit exactly as printed, brackets included, so no character of the copy is lost. */
  credit: string;
}

/** The longest credit read: a newsroom, roles and a score of names fit well inside it. */
const MAX_CREDIT_CHARS = 160;

/** Characters after which a credit may begin: the caption's sentence is over. */
const CREDIT_MAY_FOLLOW = /[\s。！？!?…”’」』）)】]/u;

/**
 * Splits "中车电动的新能源车辆服务重庆马拉松赛事。 企业供图" into caption and credit. The credit
 * must start the line or follow a space or the end of a sentence, so "由他拍摄" never reads as one;
 * the earliest start that parses wins, so a role stays with its name.
 */
export function splitCaptionCredit(line: string): CaptionWithCredit | null {
  const text = line.trim();
  if (!/(?:供图|摄|摄影)[)）]?$|(?:摄影|图)\s*[/／:：]/u.test(text)) return null;
  // Only the line's end can be a credit, so a long paragraph costs one bounded search, not one per character.
  for (let start = Math.max(0, text.length - MAX_CREDIT_CHARS); start < text.length; start++) {
    if (start > 0 && !CREDIT_MAY_FOLLOW.test(text[start - 1]!)) continue;
    if (/\s/.test(text[start]!)) continue;
    const credit = text.slice(start);
    if (parseCredit(credit)) return { caption: text.slice(0, start).trim(), credit };
  }
  return null;
}
