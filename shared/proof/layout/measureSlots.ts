/**
 * Copyfit by real layout: measures every story body of a rendered proof in the browser, where it
 * overflows its columns (overset) or leaves lines empty (underset), and marks both on the page.
 *
 * One function for every reader of a slot's fit: the app's live proof calls it on its shadow root, the
 * export's Chromium pass evaluates it in the document it then prints, tests and the bench do the same.
 * It runs inside the page, so it is self-contained: no imports, no named inner functions (a bundler's
 * keep-names helper would not exist in the page). shared/ has no DOM types, so the few DOM members it
 * touches are declared below (ProofDom); a browser's document and shadow root have all of them.
 */

export interface SlotFit {
  page: string;
  slotId: string;
  articleId: string | null;
  /** Lines the body has room for (all columns). */
  capacityLines: number;
  /** Lines the text takes, set and overset. */
  usedLines: number;
  oversetLines: number;
  /** Non-whitespace characters that did not fit. */
  oversetChars: number;
  oversetText: string;
  emptyLines: number;
  /**
   * Lines over as first set. A slot within the tolerance is set tighter (紧排) and measured again; then
   * oversetLines is what is still over after tightening and this is what the page was over before it.
   */
  looseOversetLines: number;
  /** The body is set tighter to absorb an overset within the tolerance. */
  tightened: boolean;
}

export interface MeasureOptions {
  /** A slot over by at most this many lines is set tighter and measured again (0: never tighten). */
  tightenLines: number;
  /** Marks left on the page: all (the app), overset only (a forced draft), none (a clean print). */
  marks: 'all' | 'overset' | 'none';
}

/* The DOM members the measurement touches, declared because shared/ compiles without the DOM library. */
interface DomRect {
  left: number;
  top: number;
  right: number;
  width: number;
  height: number;
}
interface DomText {
  data: string;
}
interface DomRange {
  setStart(node: DomText, offset: number): void;
  setEnd(node: DomText, offset: number): void;
  getBoundingClientRect(): DomRect;
  getClientRects(): ArrayLike<DomRect>;
  toString(): string;
}
interface DomElement {
  className: string;
  textContent: string | null;
  title: string;
  dataset: Record<string, string | undefined>;
  classList: { add(...names: string[]): void; remove(...names: string[]): void; contains(name: string): boolean };
  style: Record<string, string> & { left: string; top: string; width: string; height: string };
  offsetWidth: number;
  offsetLeft: number;
  offsetTop: number;
  clientHeight: number;
  ownerDocument: DomDocument;
  querySelector(selector: string): DomElement | null;
  getBoundingClientRect(): DomRect;
  appendChild(child: DomElement): unknown;
  remove(): void;
}
interface DomDocument {
  defaultView: { getComputedStyle(el: DomElement): { lineHeight: string; columnGap: string } } | null;
  createRange(): DomRange;
  createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): unknown };
  createElement(tag: string): DomElement;
}
/** Where the proof's slots are found: a document or the app's shadow root. */
export interface ProofDom {
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function measureSlots(root: ProofDom, options: MeasureOptions): SlotFit[] {
  for (const old of Array.from(root.querySelectorAll('.np-fit, .np-empty-lines'))) old.remove();
  const slots = Array.from(root.querySelectorAll('.np-slot'));
  const loose = new Map<DomElement, number>();
  // By slot index, so a slot measured again in pass 1 keeps its place in page order.
  const results: (SlotFit | undefined)[] = slots.map(() => undefined);
  for (const s of slots) s.querySelector('.np-body')?.classList.remove('is-overset', 'is-underset', 'is-tight');
  // Pass 0 measures every slot as set; pass 1 measures again the slots set tighter after pass 0.
  for (let pass = 0; pass < 2; pass++) {
    for (let si = 0; si < slots.length; si++) {
      const slot = slots[si]!;
      const body = slot.querySelector('.np-body');
      if (!body) continue;
      if (pass === 1 && !body.classList.contains('is-tight')) continue;
      const doc = body.ownerDocument;
      const style = doc.defaultView!.getComputedStyle(body);
      const lineHeight = parseFloat(style.lineHeight);
      const cols = Math.max(1, Number(body.dataset.cols ?? '1'));
      const gap = parseFloat(style.columnGap) || 0;
      const box = body.getBoundingClientRect();
      // The app shows the page scaled; layout sizes (offset*) are unscaled, rects are scaled.
      const scale = body.offsetWidth > 0 ? box.width / body.offsetWidth : 1;
      const linesPerCol = Math.max(0, Math.round(body.clientHeight / lineHeight));
      const colPitch = ((body.offsetWidth - gap * (cols - 1)) / cols + gap) * scale;
      const capacityLines = linesPerCol * cols;

      const nodes: DomText[] = [];
      const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if ((n as DomText).data.length > 0) nodes.push(n as DomText);
      const starts: number[] = [];
      let total = 0;
      for (const n of nodes) {
        starts.push(total);
        total += n.data.length;
      }
      const range = doc.createRange();
      // Finds the first character laid out beyond the body's right edge: columns fill left to right,
      // so "outside" is monotonic in reading order and a binary search over the text finds it.
      let lo = 0;
      let hi = total;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        let ni = 0;
        while (ni + 1 < nodes.length && starts[ni + 1]! <= mid) ni++;
        const node = nodes[ni]!;
        const off = mid - starts[ni]!;
        range.setStart(node, off);
        range.setEnd(node, Math.min(node.data.length, off + 1));
        const r = range.getBoundingClientRect();
        const outside = r.width + r.height > 0 && r.left >= box.right - 0.5 * scale;
        if (outside) hi = mid;
        else lo = mid + 1;
      }
      const firstOut = lo;
      let oversetText = '';
      let oversetLines = 0;
      let usedLines = 0;
      if (firstOut < total && nodes.length > 0) {
        let ni = 0;
        while (ni + 1 < nodes.length && starts[ni + 1]! <= firstOut) ni++;
        range.setStart(nodes[ni]!, firstOut - starts[ni]!);
        const lastNode = nodes[nodes.length - 1]!;
        range.setEnd(lastNode, lastNode.data.length);
        oversetText = range.toString();
        const seen = new Set<string>();
        for (const r of Array.from(range.getClientRects())) {
          if (r.width === 0) continue;
          seen.add(
            `${Math.floor((r.left - box.left + 1) / colPitch)}:${Math.round((r.top - box.top) / (lineHeight * scale))}`,
          );
        }
        oversetLines = seen.size;
        usedLines = capacityLines + oversetLines;
      } else if (nodes.length > 0) {
        // Everything fits: the last visible character says how many lines are used.
        for (let i = nodes.length - 1; i >= 0 && usedLines === 0; i--) {
          const node = nodes[i]!;
          for (let off = node.data.length - 1; off >= 0; off--) {
            if (/\s/.test(node.data[off]!)) continue;
            range.setStart(node, off);
            range.setEnd(node, off + 1);
            const r = range.getBoundingClientRect();
            const col = Math.floor((r.left - box.left + 1) / colPitch);
            const line = Math.round((r.top - box.top) / (lineHeight * scale));
            usedLines = col * linesPerCol + line + 1;
            break;
          }
        }
      }
      if (pass === 0 && oversetLines > 0 && oversetLines <= options.tightenLines) {
        // Within the tolerance: set tighter, as a typesetter would, and measure this slot again in pass 1.
        loose.set(slot, oversetLines);
        body.classList.add('is-tight');
        continue;
      }
      const oversetChars = oversetText.replace(/\s/g, '').length;
      const emptyLines = Math.max(0, capacityLines - usedLines);
      results[si] = {
        page: slot.dataset.page ?? '',
        slotId: slot.dataset.slot ?? '',
        articleId: slot.dataset.article ?? null,
        capacityLines,
        usedLines,
        oversetLines,
        oversetChars,
        oversetText,
        emptyLines,
        looseOversetLines: loose.get(slot) ?? oversetLines,
        tightened: pass === 1,
      };
      slot.dataset.oversetLines = String(oversetLines);
      slot.dataset.oversetChars = String(oversetChars);
      slot.dataset.emptyLines = String(emptyLines);
      if (oversetLines > 0) {
        body.classList.add('is-overset');
        if (options.marks === 'none') continue;
        // Set where the text stops: the foot of the last column.
        const label = doc.createElement('div');
        label.className = 'np-fit np-fit-over';
        const excerpt = oversetText.replace(/\s+/g, '').slice(0, 24);
        label.textContent = `超 ${oversetLines} 行 ${oversetChars} 字：${excerpt}${oversetChars > 24 ? '…' : ''}`;
        label.title = oversetText;
        slot.appendChild(label);
      } else if (emptyLines > 0) {
        body.classList.add('is-underset');
        if (options.marks !== 'all') continue;
        const label = doc.createElement('div');
        label.className = 'np-fit np-fit-under';
        label.textContent = `空 ${emptyLines} 行`;
        slot.appendChild(label);
        // Shade the empty lines: the rest of the last column used, then every column after it.
        const lastCol = Math.floor(usedLines / Math.max(1, linesPerCol));
        const colWidth = (body.offsetWidth - gap * (cols - 1)) / cols;
        for (let c = lastCol; c < cols; c++) {
          const fromLine = c === lastCol ? usedLines - c * linesPerCol : 0;
          if (fromLine >= linesPerCol) continue;
          const shade = doc.createElement('div');
          shade.className = 'np-empty-lines';
          shade.style.left = `${body.offsetLeft + c * (colWidth + gap)}px`;
          shade.style.top = `${body.offsetTop + fromLine * lineHeight}px`;
          shade.style.width = `${colWidth}px`;
          shade.style.height = `${(linesPerCol - fromLine) * lineHeight}px`;
          slot.appendChild(shade);
        }
      }
    }
  }
  return results.filter((f): f is SlotFit => f !== undefined);
}

/** The same measurement as an expression to evaluate in a loaded proof (playwright's page.evaluate, CDP). */
export function measureSlotsScript(options: MeasureOptions = { tightenLines: 0, marks: 'all' }): string {
  return `(${measureSlots.toString()})(document, ${JSON.stringify(options)})`;
}
