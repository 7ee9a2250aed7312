/**
 * Live body 字数 and, for a placed story, the copy-fit bar against its slot in lines: the same figure
 * the proof, the flatplan and the export gate show. Lives inside the Slate context.
 */
import { useSlateSelector } from 'slate-react';
import type { Article } from '../../../shared/model/article';
import type { Block } from '../../../shared/model/document';
import type { Issue } from '../../../shared/model/issue';
import type { SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
import { countBodyCached } from '../../editor/bodyCount';
import { useT } from '../../i18n/i18n';
import { useLiveSlotFit } from './useLiveSlotFit';

const sameCounts = (a: { body: number; captions: number } | null, b: { body: number; captions: number }) =>
  !!a && a.body === b.body && a.captions === b.captions;

export function BodyCounts({ article, plan }: { article: Article; plan: Issue | null }) {
  const t = useT();
  const counts = useSlateSelector((editor) => countBodyCached(editor.children), sameCounts);
  const body = useSlateSelector((editor) => editor.children as Block[]);
  const fit = useLiveSlotFit(article, body, plan);
  return (
    <div className="body-counts">
      <span data-testid="count-body">{t('story.bodyChars', { n: counts.body })}</span>
      {counts.captions > 0 && <span className="muted">{t('story.captionChars', { n: counts.captions })}</span>}
      {fit && article.placement && <CopyFitBar fit={fit} page={article.placement.page} />}
    </div>
  );
}

function CopyFitBar({ fit, page }: { fit: SlotLineFit; page: string }) {
  const t = useT();
  const diff = fit.usedLines - fit.capacityLines;
  const ratio = fit.capacityLines > 0 ? Math.min(fit.usedLines / fit.capacityLines, 1.5) : 1.5;
  const state = diff > 0 ? 'over' : diff < 0 ? 'under' : 'fits';
  return (
    <span
      className={`copyfit copyfit-${state}`}
      data-testid="copyfit"
      data-state={state}
      data-lines={`${fit.usedLines}/${fit.capacityLines}`}
      data-measured={fit.measured ? 'yes' : 'no'}
    >
      <span className="copyfit-label">
        {t('copyfit.label', { page, used: fit.usedLines, lines: fit.capacityLines })}
      </span>
      <span className="copyfit-track">
        <span className="copyfit-fill" style={{ width: `${(ratio / 1.5) * 100}%` }} />
        <span className="copyfit-mark" style={{ left: `${(1 / 1.5) * 100}%` }} />
      </span>
      <span className="copyfit-delta">
        {diff > 0 ? t('copyfit.over', { n: diff }) : diff < 0 ? t('copyfit.under', { n: -diff }) : t('copyfit.fits')}
      </span>
      {!fit.measured && (
        <span className="copyfit-estimate" title={t('plan.estimateHint')}>
          {t('plan.estimate')}
        </span>
      )}
    </span>
  );
}
