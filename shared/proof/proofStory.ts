/** What the proof sets of one story: its headline block, byline line and body blocks, split for a jump. */
import type { Article } from '../model/article';
import { blockText, type Block, type FormattedText } from '../model/document';
import { formatPhotoCredit } from '../model/people';

export type ProofArticle = Pick<
  Article,
  'id' | 'kicker' | 'headline' | 'subheadline' | 'source' | 'bylines' | 'correspondents' | 'body' | 'status'
>;

/** The byline line as printed: 株洲日报全媒体记者 甲 乙 通讯员 丙, or the agency for wire copy. */
export function bylineLine(a: ProofArticle, paperName: string): string {
  const house = !a.source || a.source === paperName;
  const groups: string[] = [];
  const byRole = new Map<string, string[]>();
  for (const b of a.bylines) byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.name]);
  for (const [role, names] of byRole) {
    const label = role === '其他' ? '' : `${house ? paperName : a.source}${role} `;
    groups.push(`${label}${names.join(' ')}`);
  }
  if (a.correspondents.length > 0) groups.push(`通讯员 ${a.correspondents.map((c) => c.name).join(' ')}`);
  if (groups.length === 0 && !house) return `据${a.source}`;
  return groups.join('\u3000');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function leafHtml(leaf: FormattedText): string {
  let html = escapeHtml(leaf.text);
  if (leaf.bold) html = `<strong>${html}</strong>`;
  if (leaf.italic) html = `<em>${html}</em>`;
  return html;
}

const BLOCK_CLASS: Record<Exclude<Block['type'], 'photo'>, string> = {
  paragraph: 'np-p',
  subhead: 'np-p np-sub',
  quote: 'np-p np-quote',
  signature: 'np-p np-sign',
};

/** Cuts text after `chars` non-whitespace characters (the unit the split is counted in). */
function cutAt(text: string, chars: number): [string, string] {
  let seen = 0;
  let i = 0;
  for (const ch of text) {
    if (seen >= chars) break;
    if (!/\s/u.test(ch)) seen++;
    i += ch.length;
  }
  return [text.slice(0, i), text.slice(i)];
}

/**
 * The body's text blocks as HTML, skipping photos (set in the photo band) and empty paragraphs.
 * `range` picks the part of a story that jumps: from/to as [text block index, 字 offset].
 */
export function bodyHtml(
  body: readonly Block[],
  range: { from: [number, number]; to: [number, number] | null } = { from: [0, 0], to: null },
): string {
  const out: string[] = [];
  let index = -1;
  for (const block of body) {
    if (block.type === 'photo' || blockText(block).trim() === '') continue;
    index++;
    const [fromBlock, fromOffset] = range.from;
    if (index < fromBlock) continue;
    if (range.to && index > range.to[0]) break;
    let text = blockText(block);
    let continued = false;
    if (range.to && index === range.to[0]) text = cutAt(text, range.to[1])[0];
    if (index === fromBlock && fromOffset > 0) {
      text = cutAt(text, fromOffset)[1];
      continued = true;
    }
    if (text.trim() === '') continue;
    // Formatting survives only when the block is set whole; a cut block is set plain.
    const inner = text === blockText(block) ? block.children.map(leafHtml).join('') : escapeHtml(text);
    out.push(`<p class="${BLOCK_CLASS[block.type]}${continued ? ' np-cont' : ''}">${inner}</p>`);
  }
  return out.join('');
}

export interface ProofPhoto {
  asset: string | null;
  caption: string;
  credit: string;
}

export function photosOf(body: readonly Block[]): ProofPhoto[] {
  const out: ProofPhoto[] = [];
  for (const block of body)
    if (block.type === 'photo')
      out.push({
        asset: block.asset,
        caption: block.caption,
        credit: block.credit ? formatPhotoCredit(block.credit) : '',
      });
  return out;
}
