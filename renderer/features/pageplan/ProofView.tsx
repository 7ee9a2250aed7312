/**
 * Shows a rendered page proof inside a shadow root (its stylesheet adopted, so the app's CSS and the
 * strict CSP stay untouched), scaled to fit, then measures overset and underset on the real layout.
 */
import { useEffect, useRef } from 'react';
import type { PageProof } from '../../../shared/proof/renderPageProof';
import { measureSlots, type SlotFit } from '../../../shared/proof/layout/measureSlots';

interface Props {
  proof: PageProof;
  /** Displayed width in CSS px; the page is laid out at full size and scaled down. */
  width: number;
  onMeasured: (fits: SlotFit[]) => void;
}

export function ProofView({ proof, width, onMeasured }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(proof.css);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<div class="np-root">${proof.markup}</div>`;
    const page = root.querySelector<HTMLElement>('.np-page');
    let live = true;
    const fit = () => {
      if (!page || !frame.current) return;
      const scale = width / page.offsetWidth;
      el.style.transform = `scale(${scale})`;
      frame.current.style.height = `${page.offsetHeight * scale}px`;
    };
    fit();
    // Measure only once the CJK fonts and the photos are in: a fallback font sets different lines.
    const images = Array.from(root.querySelectorAll('img')).map((img) =>
      img.complete
        ? Promise.resolve()
        : new Promise<void>((r) => img.addEventListener('load', () => r(), { once: true })),
    );
    void Promise.all([document.fonts.ready, ...images]).then(() => {
      if (!live) return;
      onMeasured(measureSlots(root, { tightenLines: 0, marks: 'all' }));
    });
    return () => {
      live = false;
    };
  }, [proof, width, onMeasured]);
  return (
    <div className="proof-frame" ref={frame}>
      <div className="proof-host" ref={host} data-testid="proof-host" />
    </div>
  );
}
