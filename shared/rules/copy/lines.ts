/** What a single line of raw copy looks like: complete sentence, headline, subhead, list item, contact line. */
import { countChars } from '../charCount';

/** Closing quotes and brackets that may follow a full stop: 。” and ！） still end a paragraph. */
const TRAILING_CLOSERS = new Set('”’」』）)】》〉"\']');
const SENTENCE_FINAL = new Set('。！？!?…；;：:.．');
const FINISHED = /[(（]完[)）]$/u;

/** The last character before any closing quotes and brackets, or '' when the text is all closers. */
export function lastBeforeClosers(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_CLOSERS.has(text[end - 1]!)) end--;
  return end > 0 ? text[end - 1]! : '';
}

/** True when a paragraph whose last characters and last character before closers are these is finished. */
export function isParagraphEnding(lastChars: string, beforeClosers: string): boolean {
  return FINISHED.test(lastChars) || SENTENCE_FINAL.has(beforeClosers);
}

/**
 * True when a line ends a paragraph. A line cut by a column break ends mid-sentence, often
 * on a comma or a bare character; ；and ：end list items and lead-ins, so they count as final.
 */
export function endsParagraph(line: string): boolean {
  const text = line.trimEnd();
  return isParagraphEnding(text.slice(-3), lastBeforeClosers(text));
}

/** A label naming where to reach someone (举报信箱, 来信地址, 报名电话 …), then a colon. */
const CONTACT_LINE =
  /^(?:\p{Script=Han}{0,6}(?:电话|热线|手机|传真|邮箱|信箱|地址|邮编|网址|联系人|联系方式)|E-?mail|QQ|微信)\s*[:：]/iu;

/** 电话：…, 联系人：…, 邮政信箱：… : a notice's contact details, each its own line. */
export function isContactLine(line: string): boolean {
  return CONTACT_LINE.test(line);
}

const LIST_MARKER =
  /^(?:[0-9０-９]{1,2}[.、．)）](?!\d)|[(（][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十百0-9]+[条章节项部分][、：:\s]?|[■□◆◇●○▲△★☆▶►•]|附件|附[:：]|注[:：]|特此)/u;

/**
 * A line that starts something of its own (a numbered item, a contact line, 附件, 特此公告):
 * a line cut short before it is a list item without a stop, not half of a column-broken paragraph.
 */
export function startsFresh(line: string): boolean {
  return LIST_MARKER.test(line) || isContactLine(line);
}

/** Headline lines are short and are not sentences; a comma or colon at the end means body text. */
export function isHeadlineLike(line: string): boolean {
  if (countChars(line) > 48) return false;
  if (/[。]/u.test(line)) return false;
  return !/[，,、；;：:。.．]$/u.test(line);
}

/**
 * A subhead (小标题) inside the body: a short line that is no sentence, after a finished paragraph.
 * Short unpunctuated lines are also what a column break can leave behind, so without a list
 * marker only very short lines with no clause punctuation count.
 */
export function isSubhead(line: string): boolean {
  if (endsParagraph(line) && !/[！？!?]$/u.test(line)) return false;
  if (/[，,；;：:。]/u.test(line) || !/\p{Script=Han}/u.test(line)) return false;
  const n = countChars(line);
  if (LIST_MARKER.test(line)) return n <= 30;
  return n <= 16 && !/[、]/u.test(line);
}

/** Joins the halves of a column-broken paragraph: no space for Chinese, one between Latin words. */
export function joinBroken(left: string, right: string): string {
  return left + brokenJoinSeparator(left, right) + right;
}

/** What goes between the halves: a space between Latin words, nothing for Chinese. */
export function brokenJoinSeparator(left: string, right: string): string {
  return /[A-Za-z]$/.test(left) && /^[A-Za-z]/.test(right) ? ' ' : '';
}

const NOTICE_TITLE =
  /(?:公告|通告|启事|启示|通知|公示|声明|告知书|告示|倡议书|讣告)(?:[(（]第?[0-9一二三四五六七八九十]+号?[)）])?$/u;

export function isNoticeTitle(line: string): boolean {
  return NOTICE_TITLE.test(line);
}

const DATE_LINE =
  /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$/u;
const ORGANISATION =
  /(?:局|委员会|委|办公室|办|政府|中心|公司|集团|协会|学会|商会|医院|学校|大学|学院|银行|法院|检察院|院|所|站|处|厅|部|队|会|社|馆|团|台|社区|村委会|街道|管委会|指挥部|领导小组)$/u;

/** One line of a notice's 落款: an organisation or a date, short, not a sentence. */
export function isSignatureLine(line: string): boolean {
  if (countChars(line) > 30 || isContactLine(line) || startsFresh(line)) return false;
  return !/[。！？!?，,；;：:]$/u.test(line);
}

export function looksLikeDateOrOrganisation(line: string): boolean {
  return isDateLine(line) || ORGANISATION.test(line);
}

export function isDateLine(line: string): boolean {
  return DATE_LINE.test(line);
}

/** 株洲市妇联, 中共株洲市委, 石峰区科协: an organisation led by its place, whatever its short ending. */
const PLACE_LED_NAME = /^(?:中共|共青团)?\p{Script=Han}{1,8}?[省市县区镇乡]\p{Script=Han}{1,20}$/u;

/** A 落款 line set right above the date that names an organisation by its place rather than its ending. */
export function isPlaceLedName(line: string): boolean {
  return isSignatureLine(line) && PLACE_LED_NAME.test(line);
}
