/** The live page proof: one page as it will print, with overset and underset measured from the layout. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import type { SlotFit } from '../../../shared/proof/layout/measureSlots';
import { transport } from '../../api/transport';
import { useSettings } from '../../common/settingsContext';
import { useT } from '../../i18n/i18n';
import { ProofView } from './ProofView';
import { recordFits } from './recordFits';
import { useProofPage } from './useProofPage';

interface Props {
  date: string;
  page: string;
  onPage: (page: string) => void;
  onBack: () => void;
  onOpenStory: (id: string) => void;
}

export function ProofScreen({ date, page, onPage, onBack, onOpenStory }: Props) {
  const t = useT();
  const { settings } = useSettings();
  const { data, error } = useProofPage(date, page);
  const [fits, setFits] = useState<SlotFit[] | null>(null);
  const labels = data?.issue.pages.map((p) => p.label) ?? [];
  const at = labels.indexOf(page);

  const proof = useMemo(() => {
    if (!data || at < 0) return null;
    return renderPageProof({
      plan: data.issue,
      pageLabel: page,
      stories: data.stories,
      geometry: settings.pageGeometry,
      paperName: settings.paperName,
      assetUrl: (asset) => transport.assetUrl(asset),
    });
  }, [data, at, page, settings.pageGeometry, settings.paperName]);
  const onMeasured = useCallback(
    (f: SlotFit[]) => {
      setFits(f);
      // The figures the flatplan and the story's bar show next are these, measured on this very layout.
      if (data) void recordFits(data.issue, data.stories, f);
    },
    [data],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
      if (e.key === 'Escape') onBack();
      else if (e.key === 'ArrowRight' && at >= 0 && at < labels.length - 1) onPage(labels[at + 1]!);
      else if (e.key === 'ArrowLeft' && at > 0) onPage(labels[at - 1]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, labels, onBack, onPage]);

  return (
    <div className="proof-screen" data-testid="proof-screen">
      <div className="fp-bar-top">
        <button type="button" className="btn" onClick={onBack} data-testid="proof-back">
          ← {t('plan.title')}
        </button>
        <select
          value={page}
          onChange={(e) => onPage(e.currentTarget.value)}
          data-testid="proof-page"
          aria-label={t('plan.proofPage')}
        >
          {/* Until the plan arrives the page asked for is the one option, so the select never shows blank. */}
          {(labels.length > 0 ? labels : [page]).map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <span className="muted">{date}</span>
        <span className="spacer" />
        <span className="muted hint">{t('plan.proofHint')}</span>
      </div>
      {error && <div className="banner banner-error">{error}</div>}
      <div className="proof-main">
        <div className="proof-paper">{proof && <ProofView proof={proof} width={720} onMeasured={onMeasured} />}</div>
        <aside className="proof-fits" data-testid="proof-fits" data-measured={fits ? 'yes' : 'no'}>
          <h3>{t('plan.copyfit')}</h3>
          {(fits ?? []).map((f) => {
            const story = f.articleId ? data?.stories.get(f.articleId) : undefined;
            return (
              <div
                key={f.slotId}
                className={`proof-fit${f.oversetLines > 0 ? ' is-overset' : f.emptyLines > 0 ? ' is-underset' : ''}`}
                data-testid="proof-fit"
                data-slot={f.slotId}
                data-overset-lines={f.oversetLines}
                data-overset-chars={f.oversetChars}
                data-lines={`${f.usedLines}/${f.capacityLines}`}
              >
                <div className="proof-fit-head">
                  <strong>{f.slotId}</strong>
                  {story && (
                    <button type="button" className="link-btn" onClick={() => onOpenStory(story.id)}>
                      {story.headline || t('desk.untitled')}
                    </button>
                  )}
                </div>
                <div>
                  {f.oversetLines > 0
                    ? t('plan.overset', { lines: f.oversetLines, chars: f.oversetChars })
                    : f.emptyLines > 0
                      ? t('plan.underset', { lines: f.emptyLines })
                      : t('plan.fits')}
                </div>
                {f.oversetText && <div className="proof-overset-text">{f.oversetText}</div>}
              </div>
            );
          })}
        </aside>
      </div>
    </div>
  );
}
