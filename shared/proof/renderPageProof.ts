/**
 * The page proof: one page of the plan with its stories as standalone HTML and CSS, exactly as it
 * prints. Pure (plan, stories and geometry in, markup out) so the app shows it and the export prints it.
 */
import type { IssueContent, Slot } from '../model/issue';
import type { PageGeometry } from '../model/pageGeometry';
import { splitAtLines, storyParts } from '../rules/pageplan/jumpLines';
import { bandOf, pageGrid, regionBox, slotRegion, type PageGrid } from '../rules/pageplan/pageGrid';
import { MASTHEAD_LINES } from '../rules/pageplan/pageTemplates';
import { HEADLINE_LINES, photoBandLines, slotCapacity } from '../rules/pageplan/slotCapacity';
import { JUMP_MARGIN_LINES } from '../rules/pageplan/slotLines';
import { countChars } from '../rules/charCount';
import { blockText } from '../model/document';
import { acceptedDocument } from '../rules/suggestions/acceptedText';
import { pageCss, slotCss, type SlotLayout } from './proofCss';
import { bodyHtml, bylineHtml, escapeHtml, photosOf, type ProofArticle } from './proofStory';
import { paperDate } from './paperDate';
import { headlineHtml } from './headlineLines';

export interface ProofInput {
  plan: IssueContent;
  pageLabel: string;
  stories: ReadonlyMap<string, ProofArticle>;
  geometry: PageGeometry;
  paperName: string;
  /** Where a photo's asset is loaded from: the app's asset URL, a file: URL or a data: URL in the export. */
  assetUrl: (asset: string) => string;
  /** Marks every page 草样 DRAFT (an export forced past its checks). */
  draft?: boolean;
  /** Extra CSS put first, e.g. @font-face rules for the CJK fonts when printing outside the app. */
  fontCss?: string;
}

export interface PageProof {
  /** The stylesheet alone (scoped under .np-root), for hosts that adopt it, like the app's shadow root. */
  css: string;
  /** The page markup alone: no inline styles, no scripts. */
  markup: string;
  /** A complete document: what the export loads and prints. */
  html: string;
}

/** A DOM id for a slot, stable and safe in CSS selectors. */
export function slotDomId(page: string, slotId: string): string {
  return `np-${page}-${slotId}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

function storyText(a: ProofArticle): number[] {
  const out: number[] = [];
  for (const b of a.body) if (b.type !== 'photo' && blockText(b).trim() !== '') out.push(countChars(blockText(b)));
  return out;
}

function storyMarkup(input: ProofInput, slot: Slot, layout: SlotLayout, grid: PageGrid): string {
  const stored = slot.articleId ? input.stories.get(slot.articleId) : undefined;
  // The page shows the text as if its pending suggestions were accepted, as 字数 and the copy-fit count it.
  const a = stored && { ...stored, body: acceptedDocument(stored.body) };
  if (!a) return `<div class="np-empty-slot">${slot.articleId ? '稿件缺失' : '空版位'} ${escapeHtml(slot.id)}</div>`;
  const parts = storyParts(input.plan, a.id);
  const part = parts.find((p) => p.page === input.pageLabel && p.slotId === slot.id);
  const jumping = parts.length === 2 && part;
  let range: Parameters<typeof bodyHtml>[1] = { from: [0, 0], to: null };
  if (jumping) {
    // The first part takes what its slot holds (less its jump line); the rest is set after the jump.
    const first = parts[0]!;
    const firstPage = input.plan.pages.find((p) => p.label === first.page);
    const firstSlot = firstPage?.slots.find((s) => s.id === first.slotId);
    const firstCapacity =
      firstPage && firstSlot
        ? slotCapacity(slotRegion(firstSlot, grid, bandOf(input.plan, firstPage, firstSlot.id)), grid).lines -
          JUMP_MARGIN_LINES
        : 0;
    const split = splitAtLines(storyText(a), grid.charsPerLine, Math.max(0, firstCapacity));
    const at: [number, number] = [split.at.block, split.at.offset];
    range = part.part === 1 ? { from: [0, 0], to: at } : { from: at, to: null };
  }
  const isFirstPart = !jumping || part.part === 1;
  const head =
    isFirstPart && layout.headLines > 0
      ? `<div class="np-head np-head-${layout.region.headline}">${a.kicker ? `<p class="np-kicker">${escapeHtml(a.kicker)}</p>` : ''}<h2 class="np-headline">${headlineHtml(a, layout)}</h2>${a.subheadline ? `<p class="np-subheadline">${escapeHtml(a.subheadline)}</p>` : ''}</div>`
      : layout.headLines > 0
        ? `<div class="np-head np-head-small"><h2 class="np-headline">${escapeHtml(a.headline)}</h2></div>`
        : '';
  const photos = isFirstPart ? photosOf(a.body) : [];
  const band =
    layout.region.photos > 0
      ? `<div class="np-photos">${Array.from({ length: layout.region.photos }, (_, i) => {
          const p = photos[i];
          const img = p?.asset
            ? `<img src="${escapeHtml(input.assetUrl(p.asset))}" alt="">`
            : `<div class="np-noimage">图片</div>`;
          const caption = p
            ? `<span class="np-caption">${escapeHtml(p.caption)}</span>${p.credit ? `<span class="np-credit">${p.creditHtml}</span>` : ''}`
            : '';
          return `<figure class="np-photo">${img}<figcaption>${caption}</figcaption></figure>`;
        }).join('')}</div>`
      : '';
  const byline = isFirstPart ? bylineHtml(a, input.paperName) : '';
  const jumpIn = jumping && part.part === 2 ? `<p class="np-jump np-jump-in">${escapeHtml(part.jumpLine!)}</p>` : '';
  const jumpOut = jumping && part.part === 1 ? `<p class="np-jump">${escapeHtml(part.jumpLine!)}</p>` : '';
  const body = `<div class="np-body" data-cols="${layout.region.cols}">${byline ? `<p class="np-byline">${byline}</p>` : ''}${jumpIn}${bodyHtml(a.body, range)}${jumpOut}</div>`;
  return head + band + body;
}

function pageHeader(input: ProofInput, grid: PageGrid, pageIndex: number): string {
  const { plan, pageLabel, paperName } = input;
  const page = plan.pages[pageIndex]!;
  const date = paperDate(plan.date);
  if (pageIndex === 0)
    return `<header class="np-masthead" id="np-masthead"><span class="np-paper">${escapeHtml(paperName)}</span><span class="np-meta"><strong>${escapeHtml(date.long)}</strong><span>${escapeHtml(date.weekday)}</span><span>第 ${plan.number} 期\u3000今日 ${plan.pages.length} 版</span></span></header>`;
  return `<header class="np-folio"><span class="np-folio-page">${escapeHtml(pageLabel)}</span><span class="np-folio-section">${escapeHtml(page.section)}</span><span class="np-folio-spacer"></span><span>${escapeHtml(date.long)}\u3000${escapeHtml(date.weekday)}</span><span>${escapeHtml(paperName)}</span></header>`;
}

export function renderPageProof(input: ProofInput): PageProof {
  const grid = pageGrid(input.geometry);
  const pageIndex = input.plan.pages.findIndex((p) => p.label === input.pageLabel);
  if (pageIndex < 0) throw new Error(`no page ${input.pageLabel} in the plan`);
  const page = input.plan.pages[pageIndex]!;
  const css: string[] = [pageCss(grid)];
  if (pageIndex === 0) {
    const g = grid.geometry;
    css.push(
      `#np-masthead{left:${g.typeLeftMm}mm;width:${g.typeWidthMm}mm;top:${g.typeTopMm}mm;height:${((MASTHEAD_LINES - 1) * g.leadingPt).toFixed(3)}pt}`,
    );
  }
  const slots: string[] = [];
  for (const slot of page.slots) {
    const region = slotRegion(slot, grid, bandOf(input.plan, page, slot.id));
    const capacity = slotCapacity(region, grid);
    const layout: SlotLayout = {
      domId: slotDomId(page.label, slot.id),
      region,
      box: regionBox(region, grid),
      capacity,
      headLines: HEADLINE_LINES[region.headline],
      bandLines: photoBandLines(region, grid),
    };
    css.push(slotCss(grid, layout));
    const rules = `${region.line > 0 ? '<div class="np-hrule"></div>' : ''}${region.col > 0 ? '<div class="np-vrule"></div>' : ''}`;
    slots.push(
      `<section class="np-slot" id="${layout.domId}" data-page="${escapeHtml(page.label)}" data-slot="${escapeHtml(slot.id)}"${slot.articleId ? ` data-article="${slot.articleId}"` : ''} data-lines="${capacity.lines}" data-cpl="${grid.charsPerLine}">${rules}${storyMarkup(input, slot, layout, grid)}</section>`,
    );
  }
  const markup = `<div class="np-page" data-page="${escapeHtml(page.label)}">${pageHeader(input, grid, pageIndex)}${slots.join('')}${input.draft ? '<div class="np-draft">草样 DRAFT</div>' : ''}</div>`;
  const g = grid.geometry;
  const pageRule = `@page{size:${g.pageWidthMm}mm ${g.pageHeightMm}mm;margin:0}\nhtml,body{margin:0;padding:0}`;
  const styles = css.join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${input.paperName} ${input.plan.date} ${page.label}`)}</title><style id="np-fonts">${input.fontCss ?? ''}</style><style id="np-proof">${pageRule}\n${styles}</style></head><body class="np-root">${markup}</body></html>`;
  return { css: styles, markup, html };
}
