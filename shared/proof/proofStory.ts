/** What the proof sets of one story: its headline block, byline line and body blocks, split for a jump. */
import type { Article } from '../model/article';
import { blockText, type Block, type FormattedText } from '../model/document';
import { formatPhotoCredit, type PhotoCredit } from '../model/people';

export type ProofArticle = Pick<
  Article,
  'id' | 'kicker' | 'headline' | 'subheadline' | 'source' | 'bylines' | 'correspondents' | 'body' | 'status'
>;

/** One group of the byline: its label (株洲日报全媒体记者, 通讯员, or none) and the names under it. */
interface BylineGroup {
  label: string;
  names: string[];
}

/**
 * The byline's groups as the paper prints them: paper (or the wire's agency), role, then the names:
 * 株洲日报全媒体记者 甲 乙, 株洲日报见习记者 丙 (a role the paper's list lacks is printed as the copy had it),
 * 通讯员 丁. 其他 prints no role; wire copy with no byline prints 据 and the agency.
 */
function bylineGroups(a: ProofArticle, paperName: string): BylineGroup[] | string {
  const house = !a.source || a.source === paperName;
  const groups: BylineGroup[] = [];
  const byRole = new Map<string, string[]>();
  for (const b of a.bylines) byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.name]);
  for (const [role, names] of byRole) {
    groups.push({ label: role === '其他' ? '' : `${house ? paperName : a.source}${role}`, names });
  }
  if (a.correspondents.length > 0) groups.push({ label: '通讯员', names: a.correspondents.map((c) => c.name) });
  if (groups.length === 0 && !house) return `据${a.source}`;
  return groups;
}

/** The byline line as printed: 株洲日报全媒体记者 甲 乙\u3000通讯员 丙, or the agency for wire copy. */
export function bylineLine(a: ProofArticle, paperName: string): string {
  const groups = bylineGroups(a, paperName);
  if (typeof groups === 'string') return groups;
  return groups.map((g) => [g.label, ...g.names].filter((s) => s !== '').join(' ')).join('\u3000');
}

/** A personal name set so that no line breaks inside it (陈正/明): the proof's CSS keeps .np-name whole. */
export function nameHtml(name: string): string {
  return `<span class="np-name">${escapeHtml(name)}</span>`;
}

/** The byline line as the proof sets it: the same text as bylineLine, each name kept whole. */
export function bylineHtml(a: ProofArticle, paperName: string): string {
  const groups = bylineGroups(a, paperName);
  if (typeof groups === 'string') return escapeHtml(groups);
  return groups
    .map((g) => [...(g.label ? [escapeHtml(g.label)] : []), ...g.names.map(nameHtml)].join(' '))
    .join('\u3000');
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
  /** The credit as the proof sets it: the photographers' names kept whole. */
  creditHtml: string;
}

/** A photo credit as the proof sets it: formatPhotoCredit's text, each photographer's name kept whole. */
function photoCreditHtml(credit: PhotoCredit | null): string {
  if (!credit) return '';
  if (credit.kind === 'supplied') return escapeHtml(formatPhotoCredit(credit));
  const names = credit.name
    .split(/\s+/)
    .filter((n) => n !== '')
    .map(nameHtml)
    .join(' ');
  return `${credit.role ? `${escapeHtml(credit.role)} ` : ''}${names} 摄`;
}

export function photosOf(body: readonly Block[]): ProofPhoto[] {
  const out: ProofPhoto[] = [];
  for (const block of body)
    if (block.type === 'photo')
      out.push({
        asset: block.asset,
        caption: block.caption,
        credit: block.credit ? formatPhotoCredit(block.credit) : '',
        creditHtml: photoCreditHtml(block.credit),
      });
  return out;
}
