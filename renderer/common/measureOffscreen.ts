/**
 * Lays a page proof out where no one sees it and measures its slots: how the flatplan and a story's
 * copy-fit bar get the figure the live proof and the export's printed layout give, without showing the page.
 */
import type { PageProof } from '../../shared/proof/renderPageProof';
import { measureSlots, type SlotFit } from '../../shared/proof/layout/measureSlots';

export async function measureOffscreen(proof: PageProof): Promise<SlotFit[]> {
  const host = document.createElement('div');
  // Laid out at full size (a transform or display:none would change or skip the layout), off the screen.
  host.style.cssText =
    'position:fixed;left:-100000px;top:0;visibility:hidden;pointer-events:none;contain:strict;width:0;height:0';
  host.setAttribute('aria-hidden', 'true');
  document.body.appendChild(host);
  try {
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(proof.css);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<div class="np-root">${proof.markup}</div>`;
    // Layout now, so the font slices the text needs start loading and fonts.ready waits for them. Photos only
    // take their band's fixed height, so the text does not wait for them.
    root.querySelector('.np-page')?.getBoundingClientRect();
    await document.fonts.ready;
    return measureSlots(root, { tightenLines: 0, marks: 'none' });
  } finally {
    host.remove();
  }
}
