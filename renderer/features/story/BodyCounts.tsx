/** Live body 字数 and, for a placed story, the copy-fit bar against its slot. Lives inside the Slate context. */
import { useSlateSelector } from 'slate-react';
import { countBodyCached } from '../../editor/bodyCount';
import { useT } from '../../i18n/i18n';

const sameCounts = (a: { body: number; captions: number } | null, b: { body: number; captions: number }) =>
  !!a && a.body === b.body && a.captions === b.captions;

export function BodyCounts({ target, page }: { target: number | null; page: string | null }) {
  const t = useT();
  const counts = useSlateSelector((editor) => countBodyCached(editor.children), sameCounts);
  return (
    <div className="body-counts">
      <span data-testid="count-body">{t('story.bodyChars', { n: counts.body })}</span>
      {counts.captions > 0 && <span className="muted">{t('story.captionChars', { n: counts.captions })}</span>}
      {target !== null && <CopyFitBar count={counts.body} target={target} page={page ?? ''} />}
    </div>
  );
}

function CopyFitBar({ count, target, page }: { count: number; target: number; page: string }) {
  const t = useT();
  const diff = count - target;
  const ratio = target > 0 ? Math.min(count / target, 1.5) : 1.5;
  const state = diff > 0 ? 'over' : diff < 0 ? 'under' : 'fits';
  return (
    <span className={`copyfit copyfit-${state}`} data-testid="copyfit" data-state={state}>
      <span className="copyfit-label">{t('copyfit.label', { page, target })}</span>
      <span className="copyfit-track">
        <span className="copyfit-fill" style={{ width: `${(ratio / 1.5) * 100}%` }} />
        <span className="copyfit-mark" style={{ left: `${(1 / 1.5) * 100}%` }} />
      </span>
      <span className="copyfit-delta">
        {diff > 0 ? t('copyfit.over', { n: diff }) : diff < 0 ? t('copyfit.under', { n: -diff }) : t('copyfit.fits')}
      </span>
    </span>
  );
}
