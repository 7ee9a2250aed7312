/** Reads a printed photo credit (企业供图, 全媒体记者 甲 摄) into a structured PhotoCredit, and finds one at the end of a caption. */
import type { PhotoCredit } from '../model/people';
import { agencyPattern, isPersonName, KNOWN_AGENCIES, PRINTED_ROLES, ROLE_PATTERN, splitNames } from './copy/roles';

/** Suppliers a caption names by what they are, not by name: 企业供图, 受访者供图, 主办方供图. */
const GENERIC_SUPPLIERS = [
  '企业',
  '受访者',
  '受访单位',
  '主办方',
  '承办方',
  '组委会',
  '校方',
  '院方',
  '警方',
  '景区',
  '家属',
  '网友',
  '市民',
  '读者',
];

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
  let found: (CaptionWithCredit & { start: number }) | null = null;
  // Only the line's end can be a credit, so a long paragraph costs one bounded search, not one per character.
  for (let start = Math.max(0, text.length - MAX_CREDIT_CHARS); start < text.length; start++) {
    if (start > 0 && !CREDIT_MAY_FOLLOW.test(text[start - 1]!)) continue;
    if (/\s/.test(text[start]!)) continue;
    const credit = text.slice(start);
    if (parseCredit(credit)) {
      found = { caption: text.slice(0, start).trim(), credit, start };
      break;
    }
  }
  // A caption run into its credit (赛事现场企业供图) would otherwise become a credit alone, or lose the role.
  const glued = gluedCredit(text);
  if (glued && (!found || found.start === 0 || glued.caption.length < found.start)) return glued;
  return found && { caption: found.caption, credit: found.credit };
}

/** Words that start a credit and cannot end a caption's sentence: roles, and suppliers named by what they are. */
const CREDIT_OPENER = new RegExp(`^(?:${ROLE_PATTERN}|${GENERIC_SUPPLIERS.join('|')})`, 'u');
/** Our paper, a known newsroom or 本报 printed before the role belongs to the credit. */
const NEWSROOM_BEFORE = new RegExp(`(?:${[...KNOWN_AGENCIES, '本报'].join('|')})$`, 'u');
/** 全媒体 in 全媒体记者: a role that ends in another role is read whole. */
const ROLE_MODIFIER = new RegExp(
  `(?:${PRINTED_ROLES.flatMap((r) => PRINTED_ROLES.filter((q) => q !== r && r.endsWith(q)).map((q) => r.slice(0, -q.length))).join('|')})$`,
  'u',
);
const NEWSROOM_ENDING = /(?:报|社|网|台)$/u;
/** A caption is a description, never a few characters: shorter than this the line is a credit alone. */
const MIN_GLUED_CAPTION = 4;

/**
 * A caption run straight into its credit with no space or stop: the credit starts at the first
 * role (全媒体记者 甲 摄) or named supplier (企业供图) after at least a few characters of caption.
 */
function gluedCredit(text: string): CaptionWithCredit | null {
  for (let at = Math.max(MIN_GLUED_CAPTION, text.length - MAX_CREDIT_CHARS); at < text.length; at++) {
    if (!/\p{Script=Han}/u.test(text[at - 1]!) || !CREDIT_OPENER.test(text.slice(at))) continue;
    if (ROLE_MODIFIER.test(text.slice(0, at))) continue;
    const newsroom = NEWSROOM_BEFORE.exec(text.slice(0, at));
    // Before a role, a newsroom we cannot delimit (某某日报) leaves the split unknown.
    if (!newsroom && NEWSROOM_ENDING.test(text.slice(0, at))) continue;
    const start = newsroom ? at - newsroom[0].length : at;
    const credit = text.slice(start);
    if (start >= MIN_GLUED_CAPTION && parseCredit(credit)) return { caption: text.slice(0, start), credit };
  }
  return null;
}
