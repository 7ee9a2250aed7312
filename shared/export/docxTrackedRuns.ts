/**
 * WordprocessingML for a paragraph with suggestions (留痕) as Word's own tracked changes: w:ins and
 * w:del with author and date around runs, and inserted or deleted paragraph marks, so a story's
 * change history opens in Word intact. Pure strings, for the DOCX writer to place inside w:body.
 */
import type { Block, FormattedText, TextBlock } from '../model/document';
import type { ChangeRecord } from '../model/suggestions';
import { xmlAttr, xmlText } from './xmlText';

/** Word wants a distinct numeric w:id per revision element in a document; one counter per DOCX file. */
export interface RevisionIds {
  next(): number;
}

export function revisionCounter(start = 1): RevisionIds {
  let n = start;
  return { next: () => n++ };
}

export type ChangeLookup = (id: string) => ChangeRecord | undefined;

export function changeLookup(changes: readonly ChangeRecord[] | undefined): ChangeLookup {
  const table = new Map((changes ?? []).map((c) => [c.id, c]));
  return (id) => table.get(id);
}

/** Word's w:date is an xsd:dateTime without fractional seconds. */
function wordDate(at: string | undefined): string {
  const d = at ? new Date(at) : new Date(0);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00Z' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function revisionAttrs(id: string, lookup: ChangeLookup, ids: RevisionIds): string {
  const row = lookup(id);
  return `w:id="${ids.next()}" w:author="${xmlAttr(row?.author ?? '未知')}" w:date="${wordDate(row?.at)}"`;
}

function runProps(leaf: FormattedText): string {
  const props = `${leaf.bold ? '<w:b/>' : ''}${leaf.italic ? '<w:i/>' : ''}`;
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

/** One run per line of the leaf, soft line breaks (Shift+Enter) as w:br; deleted text goes in w:delText. */
function runXml(leaf: FormattedText, deleted: boolean): string {
  const tag = deleted ? 'w:delText' : 'w:t';
  const parts = leaf.text.split('\n');
  const body = parts
    .map(
      (part, i) => `${i > 0 ? '<w:br/>' : ''}${part ? `<${tag} xml:space="preserve">${xmlText(part)}</${tag}>` : ''}`,
    )
    .join('');
  return `<w:r>${runProps(leaf)}${body}</w:r>`;
}

/** The runs of a text block: plain, inserted (w:ins), deleted (w:del), or an insertion someone deleted (both). */
export function docxTrackedRuns(children: readonly FormattedText[], lookup: ChangeLookup, ids: RevisionIds): string {
  let out = '';
  for (const leaf of children) {
    if (leaf.text === '') continue;
    let xml = runXml(leaf, leaf.del !== undefined);
    if (leaf.del !== undefined) xml = `<w:del ${revisionAttrs(leaf.del, lookup, ids)}>${xml}</w:del>`;
    if (leaf.ins !== undefined) xml = `<w:ins ${revisionAttrs(leaf.ins, lookup, ids)}>${xml}</w:ins>`;
    out += xml;
  }
  return out;
}

/**
 * The paragraph mark's revision: our split or join sits on the block after the break, Word marks
 * the paragraph before it (its mark is what was inserted or deleted).
 */
export function docxParagraphMark(next: Block | undefined, lookup: ChangeLookup, ids: RevisionIds): string {
  if (!next || next.type === 'photo') return '';
  let marks = '';
  if (next.split !== undefined) marks += `<w:ins ${revisionAttrs(next.split, lookup, ids)}/>`;
  if (next.join !== undefined) marks += `<w:del ${revisionAttrs(next.join, lookup, ids)}/>`;
  return marks ? `<w:rPr>${marks}</w:rPr>` : '';
}

/** A whole w:p for a text block; `style` is the writer's paragraph style id for the block type, if any. */
export function docxTrackedParagraph(
  block: TextBlock,
  next: Block | undefined,
  lookup: ChangeLookup,
  ids: RevisionIds,
  style?: string,
): string {
  const mark = docxParagraphMark(next, lookup, ids);
  const styleXml = style ? `<w:pStyle w:val="${xmlAttr(style)}"/>` : '';
  const pPr = styleXml || mark ? `<w:pPr>${styleXml}${mark}</w:pPr>` : '';
  return `<w:p>${pPr}${docxTrackedRuns(block.children, lookup, ids)}</w:p>`;
}
