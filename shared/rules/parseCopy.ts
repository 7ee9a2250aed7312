/** Reads raw copy as it reaches the desk (headline lines, byline or dateline, body, captions) into structure. */
import type { ArticleContent } from '../model/article';
import { matchLeadCredit, type LeadCredit } from './copy/leadCredit';
import {
  isHeadlineLike,
  isNoticeTitle,
  isDateLine,
  isPlaceLedName,
  isSignatureLine,
  isSubhead,
  looksLikeDateOrOrganisation,
  startsFresh,
} from './copy/lines';
import { OpenParagraph } from './copy/openParagraph';
import { copyOrigin, isOriginLine } from './copy/origin';
import { isCorrespondentRole, toBylineRole } from './copy/roles';
import { copyToContent } from './copy/toContent';
import { photoLine } from './copy/photoMarker';
import type {
  CopyBodyItem,
  CopyKind,
  ParseCopyOptions,
  ParsedCopy,
  ParsedCopyDetail,
  ReporterByline,
} from './copy/types';

export type {
  CopyBodyItem,
  CopyKind,
  CopyPhoto,
  ParseCopyOptions,
  ParsedCopy,
  ParsedCopyDetail,
  ReporterByline,
} from './copy/types';

/** A headline is at most a kicker, a headline, a subheadline and one spare line. */
const MAX_HEADLINE_LINES = 4;
const MAX_SIGNATURE_LINES = 4;

function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The index of the line that carries the byline or dateline, looking only through the headline block. */
function findLeadCredit(lines: string[], paperName: string): number {
  for (let i = 0; i < lines.length && i <= MAX_HEADLINE_LINES + 2; i++) {
    const line = lines[i]!;
    if (matchLeadCredit(line, paperName)) return i;
    if (photoLine(line)) continue;
    if (!isHeadlineLike(line)) return -1;
  }
  return -1;
}

/** Without a byline the headline is the run of short leading lines, always leaving a body. */
function headlineRunLength(lines: string[]): number {
  let n = 0;
  while (n < lines.length - 1 && n < MAX_HEADLINE_LINES && isHeadlineLike(lines[n]!) && !photoLine(lines[n]!)) n++;
  return n;
}

function isDateOrPlaceLed(line: string): boolean {
  return isDateLine(line) || isPlaceLedName(line);
}

/** A notice's 落款: the closing run of short lines, from its first organisation or date line. */
function signatureStart(lines: string[]): number {
  let start = lines.length;
  // Signature lines are found here, before column-break repair could glue one onto a contact line above it.
  while (
    start > 1 &&
    lines.length - start < MAX_SIGNATURE_LINES &&
    isSignatureLine(lines[start - 1]!) &&
    !photoLine(lines[start - 1]!)
  ) {
    start--;
  }
  const runStart = start;
  while (start < lines.length && !looksLikeDateOrOrganisation(lines[start]!)) start++;
  // The organisation sits right above the date even when its ending (妇联, 科协) is not one we know.
  while (
    start > runStart &&
    start < lines.length &&
    isDateOrPlaceLed(lines[start]!) &&
    isPlaceLedName(lines[start - 1]!)
  )
    start--;
  return start;
}

/**
 * Builds the body, repairing column breaks: a paragraph that stops mid-sentence continues in the
 * next text line, even when a photo caption was set between the halves (the photo then follows
 * the repaired paragraph). Lines that start something of their own are never glued on, and
 * the lead is never a subhead, however short its first half.
 */
function assembleBody(lines: string[]): CopyBodyItem[] {
  const items: CopyBodyItem[] = [];
  let open: OpenParagraph | null = null;
  const photos = lines.map(photoLine);
  const lastText = photos.findLastIndex((p) => p === null);
  let hadText = false;
  const closeOpen = () => {
    open?.close();
    open = null;
  };
  for (const [i, line] of lines.entries()) {
    const photo = photos[i];
    if (photo) {
      items.push({ type: 'photo', ...photo });
      continue;
    }
    if (open && !startsFresh(line)) {
      open.append(line);
    } else if (!open && hadText && isSubhead(line) && i < lastText) {
      items.push({ type: 'subhead', text: line });
      continue;
    } else {
      closeOpen();
      open = new OpenParagraph(line);
      items.push(open.item);
    }
    hadText = true;
    if (open.isFinished()) closeOpen();
  }
  closeOpen();
  return items;
}

function collectPeople(
  credits: LeadCredit[],
): Pick<ParsedCopyDetail, 'reporters' | 'correspondents' | 'reporterBylines'> {
  const reporterBylines: ReporterByline[] = [];
  const correspondents: string[] = [];
  for (const { people } of credits) {
    for (const { printedRole, name } of people) {
      if (isCorrespondentRole(printedRole)) {
        if (!correspondents.includes(name)) correspondents.push(name);
      } else if (!reporterBylines.some((b) => b.name === name)) {
        reporterBylines.push({ role: toBylineRole(printedRole), printedRole, name });
      }
    }
  }
  return { reporterBylines, reporters: reporterBylines.map((b) => b.name), correspondents };
}

/** Parses raw copy; keeps the reporters' roles and the reading order that parseCopy leaves out. */
export function parseCopyDetailed(text: string, options: ParseCopyOptions): ParsedCopyDetail {
  const paperName = options.paperName.trim();
  const allLines = splitLines(text);
  // 《人民日报》（2024年03月29日 第04版） above another paper's story is no headline: it stays first in the body.
  const originLine = allLines.length > 1 && isOriginLine(allLines[0]!, paperName) ? allLines[0]! : null;
  const lines = originLine === null ? allLines : allLines.slice(1);
  const leadAt = findLeadCredit(lines, paperName);

  let head: string[];
  let body: string[];
  const credits: LeadCredit[] = [];
  const leadingPhotos: string[] = [];
  if (leadAt >= 0) {
    head = [];
    for (const line of lines.slice(0, leadAt)) (photoLine(line) ? leadingPhotos : head).push(line);
    body = lines.slice(leadAt);
    // A byline on a line of its own may be followed by a dateline on the lead.
    while (body.length > 0 && credits.length < 3) {
      const credit = matchLeadCredit(body[0]!, paperName);
      if (!credit) break;
      credits.push(credit);
      if (credit.rest) {
        body = [credit.rest, ...body.slice(1)];
        break;
      }
      body = body.slice(1);
    }
  } else {
    const n = headlineRunLength(lines);
    head = lines.slice(0, n);
    body = lines.slice(n);
  }

  // Notices carry no byline: a story about a notice still has its reporter's credit.
  const kind: CopyKind = credits.length === 0 && head.some(isNoticeTitle) ? 'notice' : 'story';
  let signature: string[] = [];
  if (kind === 'notice') {
    const start = signatureStart(body);
    signature = body.slice(start);
    body = body.slice(0, start);
  }

  const items = assembleBody([...leadingPhotos, ...body]);
  if (originLine !== null) items.unshift({ type: 'paragraph', text: originLine });
  const people = collectPeople(credits);
  // 本报 in another paper's copy is that paper; its source line says which.
  const ourPaper = copyOrigin(allLines, paperName) ?? paperName;
  const credited = credits.find((c) => c.source);
  const source =
    kind === 'notice' || credits.length === 0
      ? null
      : credited?.printedAsOurs
        ? ourPaper
        : (credited?.source ?? paperName);
  return {
    headlineLines: head,
    kind,
    source,
    reporters: people.reporters,
    correspondents: people.correspondents,
    paragraphs: items.flatMap((item) => (item.type === 'photo' ? [] : [item.text])),
    photos: items.flatMap((item) => (item.type === 'photo' ? [{ caption: item.caption, credit: item.credit }] : [])),
    signature,
    reporterBylines: people.reporterBylines,
    body: items,
    removed: credits.map((c) => c.removed),
  };
}

/**
 * Remembers the detail behind each ParsedCopy handed out, so parsedCopyToContent(parseCopy(…))
 * keeps reporters' roles and photo positions while parseCopy's result stays exactly the
 * expected shape. A copy that went through JSON falls back to plain defaults.
 */
const detailOf = new WeakMap<ParsedCopy, ParsedCopyDetail>();

/** Parses raw copy into exactly the shape of the fixtures' expected.json. */
export function parseCopy(text: string, options: ParseCopyOptions): ParsedCopy {
  const detail = parseCopyDetailed(text, options);
  const parsed: ParsedCopy = {
    headlineLines: detail.headlineLines,
    kind: detail.kind,
    source: detail.source,
    reporters: detail.reporters,
    correspondents: detail.correspondents,
    paragraphs: detail.paragraphs,
    photos: detail.photos,
    signature: detail.signature,
  };
  detailOf.set(parsed, detail);
  return parsed;
}

/**
 * The article an import creates: headline lines to kicker/headline/subheadline by count,
 * bylines with roles, body paragraphs, subheads and photos in order, a notice's signature.
 */
export function parsedCopyToContent(parsed: ParsedCopy | ParsedCopyDetail): ArticleContent {
  const detail = 'body' in parsed ? parsed : detailOf.get(parsed);
  return copyToContent(parsed, detail);
}
