/** The zoom buttons: one page large, two, four, or the whole issue on one screen. */
import { useT } from '../../../i18n/i18n';
import { ZOOMS, type Zoom } from './pageZoom';

export function ZoomControl({ zoom, onZoom }: { zoom: Zoom; onZoom: (z: Zoom) => void }) {
  const t = useT();
  return (
    <div className="fp-zoom" role="radiogroup" aria-label={t('plan.zoom')} data-testid="fp-zoom">
      {ZOOMS.map((z) => (
        <button
          key={z}
          type="button"
          role="radio"
          aria-checked={zoom === z}
          className={`btn${zoom === z ? ' is-on' : ''}`}
          onClick={() => onZoom(z)}
          data-testid={`fp-zoom-${z}`}
        >
          {t(`plan.zoom.${z}`)}
        </button>
      ))}
    </div>
  );
}
