/** A story as the ordered, styled paragraphs every per-story writer (DOCX, ICML, text) sets. */
import type { Article } from '../model/article';
import type { FormattedText } from '../model/document';
import { blockText } from '../model/document';
import { formatPhotoCredit } from '../model/people';
import { bylineLine } from '../proof/proofStory';
import { acceptedDocument } from '../rules/suggestions/acceptedText';

/** The paragraph style names typesetting maps (方正飞腾, InDesign); the same names in every format. */
export const PARAGRAPH_STYLES = ['引题', '主题', '副题', '作者', '正文', '小标题', '图片说明', '落款'] as const;
export type ParagraphStyleName = (typeof PARAGRAPH_STYLES)[number];

/** ASCII ids for formats whose style ids should not carry CJK (DOCX styleId). */
export const STYLE_IDS: Record<ParagraphStyleName, string> = {
  引题: 'Kicker',
  主题: 'Headline',
  副题: 'Subheadline',
  作者: 'Byline',
  正文: 'BodyText',
  小标题: 'Subhead',
  图片说明: 'Caption',
  落款: 'Signature',
};

export interface StyledRun {
  text: string;
  bold?: true;
  italic?: true;
}

export interface StyledParagraph {
  style: ParagraphStyleName;
  runs: StyledRun[];
  /** On a photo's caption line: the picture it belongs under (its asset; null while it has none). */
  photo?: { asset: string | null };
}

export interface StoryParagraphOptions {
  /** A caption paragraph for every photo, even one with no caption or credit (for writers that embed pictures). */
  everyPhoto?: boolean;
}

export function paragraphText(p: StyledParagraph): string {
  return p.runs.map((r) => r.text).join('');
}

function plain(style: ParagraphStyleName, text: string): StyledParagraph {
  return { style, runs: [{ text }] };
}

function runsOf(children: FormattedText[]): StyledRun[] {
  const runs: StyledRun[] = [];
  for (const leaf of children) {
    if (leaf.text === '') continue;
    const run: StyledRun = { text: leaf.text };
    if (leaf.bold) run.bold = true;
    if (leaf.italic) run.italic = true;
    runs.push(run);
  }
  return runs.length ? runs : [{ text: '' }];
}

/** A photo caption with its credit, the way it is printed under the picture. */
export function captionLine(caption: string, credit: string | null): string {
  return [caption.trim(), credit ?? ''].filter(Boolean).join(' ');
}

/**
 * Headline fields, byline, then the body in order. Empty headline fields are left out; a photo
 * becomes its caption line; quotes are body text (the paper has no quote style).
 */
export function storyParagraphs(
  article: Article,
  paperName: string,
  options: StoryParagraphOptions = {},
): StyledParagraph[] {
  const out: StyledParagraph[] = [];
  if (article.kicker) out.push(plain('引题', article.kicker));
  out.push(plain('主题', article.headline));
  if (article.subheadline) out.push(plain('副题', article.subheadline));
  const byline = bylineLine(article, paperName);
  if (byline) out.push(plain('作者', byline));
  // A draft forced past the gate: the text as if its pending suggestions were accepted, never struck text.
  for (const block of acceptedDocument(article.body)) {
    if (block.type === 'photo') {
      const credit = block.credit ? formatPhotoCredit(block.credit) : null;
      const line = captionLine(block.caption, credit);
      if (line || options.everyPhoto) out.push({ ...plain('图片说明', line), photo: { asset: block.asset } });
      continue;
    }
    if (blockText(block).trim() === '') continue;
    const style: ParagraphStyleName =
      block.type === 'subhead' ? '小标题' : block.type === 'signature' ? '落款' : '正文';
    out.push({ style, runs: runsOf(block.children) });
  }
  return out;
}
