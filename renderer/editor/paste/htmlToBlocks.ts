/**
 * Turns pasted HTML (Word, WPS, web pages) into our blocks. The HTML is parsed into an inert
 * document (DOMParser: no scripts run, no images load) and walked; only text, paragraph
 * breaks, headings and bold/italic survive. Raw HTML never reaches the editor or the DOM.
 */
import type { Block, FormattedText } from '../../../shared/model/document';

type Marks = { bold?: true; italic?: true };

/** Elements whose content is never copy: code, embedded media, Office metadata. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'IMG',
  'SVG',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'META',
  'LINK',
  'TITLE',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
  'MATH',
  'XML',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'ASIDE',
  'BLOCKQUOTE',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'TD',
  'TH',
  'PRE',
  'FIGURE',
  'FIGCAPTION',
  'CENTER',
  'ADDRESS',
  'HR',
  ...HEADINGS,
]);
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
/** A line wrap inside Word's HTML source between two Chinese characters is not a space. */
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'gu');

/**
 * The app's CSP (style-src 'self') refuses inline style attributes, and the inert document DOMParser
 * makes inherits it: every style attribute in a paste became a refused-style report, which made a 5 MB
 * Word or web paste take seconds to parse. The attribute is renamed in the source, where the HTML
 * tokenizer would read a tag (`<` and a letter), before parsing; marks and hidden are read from it.
 */
const STYLE_IN_TAG = /(<[a-z][^<>]*?\s)style(?=\s*=)/gi;
const RENAMED_STYLE = 'data-newsdesk-style';

function styleOf(el: Element): string {
  return (el.getAttribute(RENAMED_STYLE) ?? el.getAttribute('style') ?? '').toLowerCase();
}

interface OpenBlock {
  type: 'paragraph' | 'subhead' | 'quote';
  leaves: FormattedText[];
}

function marksOf(el: Element, inherited: Marks): Marks {
  const marks: Marks = { ...inherited };
  const tag = el.tagName;
  if (tag === 'B' || tag === 'STRONG') marks.bold = true;
  if (tag === 'I' || tag === 'EM') marks.italic = true;
  // WPS and web pages mark bold and italic with inline styles rather than tags.
  const style = styleOf(el);
  const weight = /font-weight\s*:\s*(bold|[6-9]00)/.exec(style);
  if (weight) marks.bold = true;
  if (/font-weight\s*:\s*(normal|[1-4]00)/.test(style)) delete marks.bold;
  if (/font-style\s*:\s*italic/.test(style)) marks.italic = true;
  return marks;
}

function isHidden(el: Element): boolean {
  const style = styleOf(el).replace(/\s+/g, '');
  return el.hasAttribute('hidden') || style.includes('display:none') || style.includes('mso-hide:all');
}

export function htmlToBlocks(html: string): Block[] {
  const doc = new DOMParser().parseFromString(html.replace(STYLE_IN_TAG, `$1${RENAMED_STYLE}`), 'text/html');
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;

  const close = (): void => {
    if (!open) return;
    const leaves = tidyLeaves(open.leaves);
    if (leaves.some((l) => l.text.length > 0)) blocks.push({ type: open.type, children: leaves });
    open = null;
  };
  const append = (text: string, marks: Marks, type: OpenBlock['type']): void => {
    open ??= { type, leaves: [] };
    open.leaves.push({ text, ...marks });
  };

  const walk = (node: Node, marks: Marks, type: OpenBlock['type']): void => {
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/[\s\u00a0]+/g, ' ');
      if (text.trim() || open) append(text, marks, type);
      return;
    }
    if (node.nodeType !== 1) return; // comments (Word's <!--[if]-->), processing instructions
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') {
      close();
      return;
    }
    const childMarks = marksOf(el, marks);
    const isBlock = BLOCKS.has(tag);
    const childType: OpenBlock['type'] = HEADINGS.has(tag) ? 'subhead' : tag === 'BLOCKQUOTE' ? 'quote' : type;
    if (isBlock) close();
    for (const child of Array.from(el.childNodes)) walk(child, childMarks, childType);
    if (isBlock) close();
  };

  walk(doc.body, {}, 'paragraph');
  close();
  return blocks;
}

/** Merges neighbours with equal marks, trims the block's ends and drops Word's stray spaces between Chinese. */
function tidyLeaves(leaves: FormattedText[]): FormattedText[] {
  const merged: FormattedText[] = [];
  for (const leaf of leaves) {
    const prev = merged[merged.length - 1];
    if (prev && !!prev.bold === !!leaf.bold && !!prev.italic === !!leaf.italic) prev.text += leaf.text;
    else merged.push({ ...leaf });
  }
  for (const leaf of merged) leaf.text = leaf.text.replace(/ {2,}/g, ' ');
  // Join across leaf edges so "中 <b>文</b>" also loses its space.
  for (let i = 0; i < merged.length; i++) {
    const leaf = merged[i]!;
    leaf.text = leaf.text.replace(SPACE_BETWEEN_CJK, '$1');
    const next = merged[i + 1];
    if (
      next &&
      / $/.test(leaf.text) &&
      new RegExp(`[${CJK}] $`, 'u').test(leaf.text) &&
      new RegExp(`^[${CJK}]`, 'u').test(next.text)
    ) {
      leaf.text = leaf.text.slice(0, -1);
    }
    if (
      next &&
      /^ /.test(next.text) &&
      new RegExp(`[${CJK}]$`, 'u').test(leaf.text) &&
      new RegExp(`^ [${CJK}]`, 'u').test(next.text)
    ) {
      next.text = next.text.slice(1);
    }
  }
  if (merged.length > 0) {
    merged[0]!.text = merged[0]!.text.replace(/^[ \u3000]+/u, '');
    const last = merged[merged.length - 1]!;
    last.text = last.text.replace(/[ \u3000]+$/u, '');
  }
  const kept = merged.filter((l) => l.text.length > 0);
  return kept.length > 0 ? kept : [{ text: '' }];
}
