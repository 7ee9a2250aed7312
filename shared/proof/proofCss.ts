/** The proof's stylesheet: the page, the type and one rule per slot box, all from the page grid. */
import { HEADLINE_PT, type SlotCapacity } from '../rules/pageplan/slotCapacity';
import type { BoxMm, PageGrid, SlotRegion } from '../rules/pageplan/pageGrid';

const mm = (n: number) => `${n.toFixed(3)}mm`;
const pt = (n: number) => `${n.toFixed(3)}pt`;

const SERIF = `'Noto Serif SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif`;
const SANS = `'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

/** Rules shared by every page; `.np-root` scopes them when the proof is shown inside the app. */
export function pageCss(grid: PageGrid): string {
  const g = grid.geometry;
  const lead = pt(g.leadingPt);
  return `
.np-root{margin:0;padding:0;background:#fff;color:#111}
.np-page{position:relative;width:${mm(g.pageWidthMm)};height:${mm(g.pageHeightMm)};background:#fff;overflow:hidden;font-family:${SERIF};font-size:${pt(g.bodySizePt)};line-height:${lead};box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.np-page *{box-sizing:border-box}
.np-folio{position:absolute;left:${mm(g.typeLeftMm)};width:${mm(g.typeWidthMm)};top:${mm(g.typeTopMm - 12)};height:${mm(9)};display:flex;align-items:flex-end;gap:6mm;border-bottom:1.2pt solid #111;font-family:${SANS};font-size:10pt;line-height:1.2;padding-bottom:1.5mm}
.np-folio .np-folio-page{font-size:20pt;font-weight:900;line-height:1}
.np-folio .np-folio-section{font-size:14pt;font-weight:700;letter-spacing:0.2em}
.np-folio .np-folio-spacer{flex:1}
.np-masthead{position:absolute;display:flex;align-items:center;gap:8mm;border-bottom:2.5pt double #111;font-family:${SANS}}
.np-masthead .np-paper{font-family:${SERIF};font-size:66pt;font-weight:900;line-height:1;color:#b0191e;letter-spacing:0.06em}
.np-masthead .np-meta{display:flex;flex-direction:column;gap:1.5mm;font-size:10pt;line-height:1.3}
.np-masthead .np-meta strong{font-size:13pt}
.np-slot{position:absolute;overflow:visible}
.np-hrule{position:absolute;left:0;right:0;top:${pt(g.leadingPt * 0.3)};border-top:0.75pt solid #111}
.np-vrule{position:absolute;top:${pt(g.leadingPt * 0.6)};bottom:0;left:${mm(-g.gutterMm / 2)};border-left:0.5pt solid #111}
.np-head{display:flex;flex-direction:column;justify-content:center;align-items:center;text-align:center;overflow:hidden;padding:${pt(g.leadingPt * 0.6)} 0 ${pt(g.leadingPt * 0.3)}}
.np-kicker{margin:0;font-family:${SANS};font-size:${pt(g.bodySizePt * 1.4)};line-height:1.35}
.np-headline{margin:0.6mm 0;font-family:${SERIF};font-weight:900;line-height:1.2;letter-spacing:0.02em}
.np-subheadline{margin:0;font-family:${SANS};font-size:${pt(g.bodySizePt * 1.45)};line-height:1.35;font-weight:500}
${(['small', 'medium', 'large', 'banner'] as const)
  .map((s) => `.np-head-${s} .np-headline{font-size:${pt(HEADLINE_PT[s])}}`)
  .join('\n')}
.np-head-banner .np-headline{color:#111}
.np-photos{display:flex;gap:${mm(g.gutterMm)};overflow:hidden}
.np-photo{flex:1 1 0;margin:0;display:flex;flex-direction:column;min-width:0}
.np-photo img{display:block;width:100%;object-fit:cover;background:#d9d9d9}
.np-photo .np-noimage{display:flex;width:100%;align-items:center;justify-content:center;color:#777;background:#d9d9d9;font-family:${SANS};font-size:14pt}
.np-photo figcaption{font-family:${SANS};font-size:${pt(g.bodySizePt * 0.85)};line-height:${pt(g.leadingPt * 0.9)};height:${pt(g.leadingPt * 2)};overflow:hidden;padding-top:${pt(g.leadingPt * 0.15)}}
.np-credit{margin-left:1em}
/* A personal name never breaks across lines (陈正/明): the line breaks before it or after it. */
.np-name{white-space:nowrap;word-break:keep-all}
.np-body{position:relative;column-fill:auto;overflow:hidden;text-align:justify;line-break:strict;word-break:normal;overflow-wrap:anywhere;hanging-punctuation:none;orphans:1;widows:1}
.np-p{margin:0;text-indent:2em}
.np-sub{font-family:${SANS};font-weight:700}
.np-quote{font-family:${SANS}}
.np-sign{text-align:right;text-indent:0}
.np-cont{text-indent:0}
.np-byline{margin:0;font-family:${SANS};font-weight:700;text-indent:0;text-align:left}
.np-jump{margin:0;text-align:right;text-indent:0;font-family:${SANS};font-weight:700}
.np-jump-in{text-align:left}
.np-empty-slot{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;color:#999;font-family:${SANS};font-size:14pt;background:repeating-linear-gradient(135deg,#f4f4f4 0 6pt,#fff 6pt 12pt)}
.np-fit{position:absolute;right:0;bottom:0;z-index:2;max-width:100%;padding:0.6mm 1.5mm;font-family:${SANS};font-size:8pt;line-height:1.3;color:#fff;background:#c62828;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.np-fit-under{background:#1565c0}
/* The overset mark hangs just under the last column, where the text stops, so it hides none of the set text. */
.np-fit-over{top:100%;bottom:auto}
.np-body.is-overset{box-shadow:inset 0 -2pt 0 #c62828}
.np-body.is-tight{letter-spacing:-0.08em}
.np-empty-lines{position:absolute;z-index:1;background:repeating-linear-gradient(to bottom,transparent 0 ${pt(g.leadingPt - 0.8)},rgba(21,101,192,.45) ${pt(g.leadingPt - 0.8)} ${lead});outline:0.5pt dashed rgba(21,101,192,.6)}
.np-draft{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;pointer-events:none;z-index:5;font-family:${SANS};font-size:120pt;font-weight:900;color:rgba(198,40,40,.16);transform:rotate(-30deg)}
`;
}

export interface SlotLayout {
  domId: string;
  region: SlotRegion;
  box: BoxMm;
  capacity: SlotCapacity;
  headLines: number;
  bandLines: number;
}

/** The one rule per slot: its box, head and photo band heights, and its body's columns. */
export function slotCss(grid: PageGrid, s: SlotLayout): string {
  const g = grid.geometry;
  const n = s.region.cols;
  // Each text column is exactly a whole number of 字 wide, the rest goes to the gaps, so a line holds charsPerLine.
  const textColMm = grid.charsPerLine * grid.bodySizeMm + 0.05;
  const gapMm = n > 1 ? (s.box.width - n * textColMm) / (n - 1) : 0;
  const bodyWidth = n > 1 ? s.box.width : textColMm;
  const photoHeightPt = Math.max(0, s.bandLines - 2) * g.leadingPt;
  const id = `#${s.domId}`;
  return [
    `${id}{left:${mm(s.box.left)};top:${mm(s.box.top)};width:${mm(s.box.width)};height:${pt(s.region.lines * g.leadingPt)}}`,
    `${id} .np-head{height:${pt(s.headLines * g.leadingPt)}}`,
    `${id} .np-photos{height:${pt(s.bandLines * g.leadingPt)}}`,
    `${id} .np-photo img,${id} .np-photo .np-noimage{height:${pt(photoHeightPt - g.leadingPt * 0.3)}}`,
    `${id} .np-body{width:${mm(bodyWidth)};height:${pt(s.capacity.bodyLinesPerColumn * g.leadingPt)};column-count:${n};column-gap:${mm(gapMm)}}`,
  ].join('\n');
}
