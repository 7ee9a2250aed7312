/** The people-role vocabulary of Chinese copy: byline roles, agency prefixes and name lists. */
import type { BylineRole } from '../../model/people';

/**
 * Roles printed before names, longest first so a scan never stops at 记者 inside 全媒体记者.
 * 通讯员 roles name correspondents; every other role names a reporter.
 */
export const PRINTED_ROLES = [
  '特约通讯员',
  '全媒体记者',
  '融媒体记者',
  '摄影记者',
  '特约记者',
  '见习记者',
  '实习记者',
  '首席记者',
  '通讯员',
  '实习生',
  '记者',
  '编译',
] as const;

const CORRESPONDENT_ROLES: ReadonlySet<string> = new Set(['通讯员', '特约通讯员']);

/** Agencies whose datelines and credits we expect; anything else must fit AGENCY_GENERIC. */
export const KNOWN_AGENCIES = [
  '新华社',
  '中新社',
  '中新网',
  '中国新闻网',
  '人民日报',
  '人民网',
  '央视新闻',
  '央视网',
  '光明日报',
  '经济日报',
  '中国日报',
  '工人日报',
  '科技日报',
  '法治日报',
  '中国青年报',
  '湖南日报',
  '新湖南',
  '红网',
  '澎湃新闻',
] as const;

/** A newsroom's name as it prefixes a dateline or a role: 湖南日报, 潇湘晨报, 某某网, 某某电视台 (据… is attribution, not a name). */
export const AGENCY_GENERIC = '(?!据)[\\u4e00-\\u9fa5]{1,8}?(?:通讯社|新闻社|日报|晚报|早报|晨报|报|社|网|电视台|台)';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of newsroom names, the paper's own first, then the known list, then the generic shape. */
export function agencyPattern(paperName: string): string {
  const known = [paperName, ...KNOWN_AGENCIES]
    .filter((n) => n.length > 0)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  return `(?:${known.join('|')}|${AGENCY_GENERIC})`;
}

export const ROLE_PATTERN = PRINTED_ROLES.join('|');

/**
 * The byline role for a printed role (agency prefix already removed): kept verbatim, so 见习记者 stays
 * 见习记者 (creditCheck flags a role outside the paper's list) instead of vanishing into 其他.
 */
export function toBylineRole(printedRole: string): BylineRole {
  return printedRole;
}

export function isCorrespondentRole(printedRole: string): boolean {
  return CORRESPONDENT_ROLES.has(printedRole);
}

/**
 * A person's name as copy prints it: one to four Han characters (欧阳娜娜 is the longest
 * common shape), a minority or foreign name joined by · , or a Latin word. Longer Han runs
 * are words, and treating them as names would turn caption text into a photographer.
 */
const NAME =
  /^(?:[\u4e00-\u9fa5]{1,4}|[\u4e00-\u9fa5]{1,8}(?:[·•・][\u4e00-\u9fa5]{1,8}){1,3}|[A-Za-z][A-Za-z.'-]{0,29})$/;

export function isRole(token: string): boolean {
  return (PRINTED_ROLES as readonly string[]).includes(token);
}

/** A role word is never a name: "记者 通讯员" is two roles, not a reporter called 通讯员. */
export function isPersonName(token: string): boolean {
  return NAME.test(token) && !isRole(token);
}

/** Splits "甲 乙" / "甲、乙" / "甲,乙" into names; null if any piece is not a name. */
export function splitNames(text: string): string[] | null {
  const trimmed = text.replace(/^[\s/／:：·•・、，,;；]+|[\s/／:：·•・、，,;；]+$/g, '');
  if (!trimmed) return null;
  const names = trimmed.split(/[\s、，,;；/／]+/).filter((n) => n.length > 0);
  return names.every(isPersonName) ? names : null;
}

export interface PersonCredit {
  /** The role as printed, without an agency prefix: 全媒体记者, 通讯员, 记者 … */
  printedRole: string;
  name: string;
}

export interface RoleGroups {
  people: PersonCredit[];
  /** The newsroom printed before the first role (新华社记者 → 新华社), if any. */
  agency: string | null;
}

/**
 * Reads "全媒体记者/甲 通讯员/乙 丙" or "新华社记者 甲、乙": role groups, each followed by names.
 * Returns null unless the whole text is role groups, so an ordinary bracket such as
 * (以下简称“泰鑫瓷业”) is never mistaken for a byline. With separatorRequired, a role must
 * be followed by a space, slash or colon ("记者手记" is a headline, not a byline).
 */
export function parseRoleGroups(text: string, paperName: string, separatorRequired: boolean): RoleGroups | null {
  const content = text.trim();
  const roleAt = new RegExp(`(?:(${agencyPattern(paperName)}|本报))?(${ROLE_PATTERN})`, 'gu');
  const matches = [...content.matchAll(roleAt)];
  const first = matches[0];
  if (!first || first.index !== 0) return null;
  const agency = first[1] ?? null;
  const people: PersonCredit[] = [];
  for (const [i, m] of matches.entries()) {
    // Only the first group may carry a newsroom prefix; a later "…报记者" is likely a name clash.
    if (i > 0 && m[1]) return null;
    const role = m[2]!;
    const namesStart = m.index + m[0].length;
    const namesEnd = matches[i + 1]?.index ?? content.length;
    const segment = content.slice(namesStart, namesEnd);
    if (separatorRequired && !/^[\s/／:：]/.test(segment)) return null;
    const names = splitNames(segment);
    if (!names) return null;
    for (const name of names) people.push({ printedRole: role, name });
  }
  return { people, agency: agency === '本报' ? paperName : agency };
}
