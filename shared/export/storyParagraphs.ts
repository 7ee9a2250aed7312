/** A story as the ordered, styled paragraphs every per-story writer (DOCX, ICML, text) sets. */
import type { Article } from '../model/article';
import type { FormattedText } from '../model/document';
import { blockText } from '../model/document';
import { formatPhotoCredit } from '../model/people';

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

/**
 * The byline as printed: "株洲日报全媒体记者 甲 乙 通讯员 丙". Consecutive names with the same
 * role share it; the agency (source, else the paper) prefixes the first role.
 */
export function bylineLine(article: Pick<Article, 'bylines' | 'correspondents' | 'source'>, paperName: string): string {
  const groups: { role: string; names: string[] }[] = [];
  for (const b of article.bylines) {
    const role = b.role === '其他' ? '' : b.role;
    const last = groups[groups.length - 1];
    if (last && last.role === role) last.names.push(b.name);
    else groups.push({ role, names: [b.name] });
  }
  const parts = groups.map((g, i) => {
    const role = i === 0 && g.role ? `${article.source || paperName}${g.role}` : g.role;
    return [role, ...g.names].filter(Boolean).join(' ');
  });
  if (article.correspondents.length) parts.push(['通讯员', ...article.correspondents.map((c) => c.name)].join(' '));
  return parts.join(' ');
}

/** A photo caption with its credit, the way it is printed under the picture. */
export function captionLine(caption: string, credit: string | null): string {
  return [caption.trim(), credit ?? ''].filter(Boolean).join(' ');
}

/**
 * Headline fields, byline, then the body in order. Empty headline fields are left out; a photo
 * becomes its caption line; quotes are body text (the paper has no quote style).
 */
export function storyParagraphs(article: Article, paperName: string): StyledParagraph[] {
  const out: StyledParagraph[] = [];
  if (article.kicker) out.push(plain('引题', article.kicker));
  out.push(plain('主题', article.headline));
  if (article.subheadline) out.push(plain('副题', article.subheadline));
  const byline = bylineLine(article, paperName);
  if (byline) out.push(plain('作者', byline));
  for (const block of article.body) {
    if (block.type === 'photo') {
      const credit = block.credit ? formatPhotoCredit(block.credit) : null;
      const line = captionLine(block.caption, credit);
      if (line) out.push(plain('图片说明', line));
      continue;
    }
    if (blockText(block).trim() === '') continue;
    const style: ParagraphStyleName =
      block.type === 'subhead' ? '小标题' : block.type === 'signature' ? '落款' : '正文';
    out.push({ style, runs: runsOf(block.children) });
  }
  return out;
}
