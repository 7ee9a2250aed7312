/** Finds who filed a story at the top of its lead: our paper's byline prefix, a wire dateline or a byline line. */
import { hasChineseSurname } from './surnames';
import { agencyPattern, isPersonName, isRole, parseRoleGroups, ROLE_PATTERN, type PersonCredit } from './roles';

export interface LeadCredit {
  /** Exactly the text taken off the front of the unit, so callers can prove nothing else went. */
  removed: string;
  /** What is left of the unit: the lead's first words, or '' for a byline on a line of its own. */
  rest: string;
  source: string | null;
  /** The credit printed 本报 ("this paper"): whose paper that is depends on where the copy comes from. */
  printedAsOurs: boolean;
  people: PersonCredit[];
}

const BRACKET = '[(（]([^()（）]{1,80})[)）]';
const AFTER = '[\\s:：]*';
/** 电 starts many words (电视, 电力 …); a dateline's 电 is never followed by one of these. */
const NOT_A_DATELINE_DIAN = '(?![视话力子影脑池商网动梯器站线价量源厂台车缆气费表路竞])';
const NOT_A_DATELINE_XUN = '(?![息号])';

function finish(unit: string, removedLength: number, source: string | null, people: PersonCredit[]): LeadCredit {
  const removed = unit.slice(0, removedLength);
  return { removed, rest: unit.slice(removedLength).trim(), source, printedAsOurs: /^据?本报/u.test(removed), people };
}

/**
 * 株洲日报(全媒体记者/甲 通讯员/乙 丙) or 本报讯（记者 甲）, brackets half- or full-width. Another
 * newsroom's copy in the same shape (湖南日报(记者 甲)) is credited to that newsroom.
 */
function matchPaperByline(unit: string, paperName: string): LeadCredit | null {
  const re = new RegExp(`^(本报|${agencyPattern(paperName)})讯?\\s*${BRACKET}${AFTER}`, 'u');
  const m = re.exec(unit);
  if (!m) return null;
  const groups = parseRoleGroups(m[2]!, paperName, false);
  if (!groups) return null;
  const source = m[1] === '本报' ? paperName : m[1]!;
  return finish(unit, m[0].length, source, groups.people);
}

/**
 * 新华社电, 新华社北京3月29日电(记者 甲 乙), 人民日报讯, 中新网北京3月1日电, 本报讯, 央视网消息, 据新华社电:
 * a newsroom, an optional place and date, then 电/讯/消息, then optionally the reporters in brackets.
 */
function matchDateline(unit: string, paperName: string): LeadCredit | null {
  const re = new RegExp(
    `^(据)?(${agencyPattern(paperName)}|本报)((?:[\\u4e00-\\u9fa5]{1,10}?)?(?:\\d{1,2}月)?\\d{1,2}日)?` +
      `(?:电${NOT_A_DATELINE_DIAN}|讯${NOT_A_DATELINE_XUN}|消息)`,
    'u',
  );
  const m = re.exec(unit);
  if (!m) return null;
  // "据新华社电，……" is attribution inside the sentence; "据新华社电 ……" is how a brief is datelined.
  if (m[1] && !/^(?:[\s(（:：]|$)/u.test(unit.slice(m[0].length))) return null;
  const agency = m[2] === '本报' ? paperName : m[2]!;
  let length = m[0].length;
  let people: PersonCredit[] = [];
  const bracket = new RegExp(`^\\s*${BRACKET}`, 'u').exec(unit.slice(length));
  if (bracket) {
    const groups = parseRoleGroups(bracket[1]!, paperName, false);
    // A bracket that is not a byline (a topic, an aside) stays in the lead.
    if (groups) {
      people = groups.people;
      length += bracket[0].length;
    }
  }
  length += /^[\s:：]*/.exec(unit.slice(length))![0].length;
  return finish(unit, length, agency, people);
}

/**
 * "全媒体记者 甲 通讯员 乙" or "新华社记者 甲 乙" filling a line of its own. Without a newsroom in
 * front, a headline reads the same way ("记者 走进车间"), so then every name must start with a surname.
 */
function matchBylineLine(unit: string, paperName: string): LeadCredit | null {
  const groups = parseRoleGroups(unit, paperName, true);
  if (!groups) return null;
  if (!groups.agency && !groups.people.every((p) => hasChineseSurname(p.name))) return null;
  return finish(unit, unit.length, groups.agency, groups.people);
}

/**
 * "新华社记者 甲 乙 3月29日，……": an agency's reporters in front of the lead, names set off
 * by spaces. Only with a newsroom prefix, or "记者 日前" would read as a name.
 */
function matchAgencyReporters(unit: string, paperName: string): LeadCredit | null {
  const re = new RegExp(`^(${agencyPattern(paperName)}|本报)(${ROLE_PATTERN})[\\s/／:：]+`, 'u');
  const m = re.exec(unit);
  if (!m) return null;
  const people: PersonCredit[] = [];
  let role = m[2]!;
  let length = m[0].length;
  let taken = length;
  for (;;) {
    const token = /^(\S+)(\s+)/.exec(unit.slice(length));
    if (!token) break;
    length += token[0].length;
    // "新华社记者 甲 通讯员 乙 …": a later role starts its own group.
    if (isRole(token[1]!)) {
      role = token[1]!;
      continue;
    }
    const names = token[1]!.split('、');
    if (!names.every((n) => isPersonName(n) && n.length <= 4)) break;
    for (const name of names) people.push({ printedRole: role, name });
    taken = length;
  }
  length = taken;
  if (people.length === 0) return null;
  return finish(unit, length, m[1] === '本报' ? paperName : m[1]!, people);
}

/** The credit at the start of a unit, tried from the most specific shape to the loosest. */
export function matchLeadCredit(unit: string, paperName: string): LeadCredit | null {
  return (
    matchPaperByline(unit, paperName) ??
    matchBylineLine(unit, paperName) ??
    matchDateline(unit, paperName) ??
    matchAgencyReporters(unit, paperName)
  );
}
