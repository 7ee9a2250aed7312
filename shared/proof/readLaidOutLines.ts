/**
 * Reads back the lines of every story body as the browser broke them, so the 禁则 can be checked on
 * the real layout. Runs inside the page (self-contained, like measureOverset).
 */
export function readLaidOutLines(root: ParentNode): { slotId: string; lines: string[] }[] {
  const out: { slotId: string; lines: string[] }[] = [];
  for (const slot of Array.from(root.querySelectorAll<HTMLElement>('.np-slot'))) {
    const body = slot.querySelector<HTMLElement>('.np-body');
    if (!body) continue;
    const doc = body.ownerDocument;
    const range = doc.createRange();
    const lines: string[] = [];
    let current = '';
    let lastTop = Number.NaN;
    let lastLeft = Number.NaN;
    for (const p of Array.from(body.children)) {
      const walker = doc.createTreeWalker(p, 4 /* NodeFilter.SHOW_TEXT */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n as Text;
        for (let i = 0; i < text.data.length; i++) {
          range.setStart(text, i);
          range.setEnd(text, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          // A new line starts when the glyph drops below the last one or jumps to another column.
          if (
            current &&
            (r.top > lastTop + r.height / 2 || r.left < lastLeft - r.width * 4 || r.top < lastTop - r.height / 2)
          ) {
            lines.push(current);
            current = '';
          }
          current += text.data[i];
          lastTop = r.top;
          lastLeft = r.left;
        }
      }
      if (current) lines.push(current);
      current = '';
      lastTop = Number.NaN;
    }
    out.push({ slotId: slot.dataset.slot ?? '', lines });
  }
  return out;
}

export function readLaidOutLinesScript(): string {
  return `(${readLaidOutLines.toString()})(document)`;
}
