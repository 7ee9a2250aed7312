/**
 * A placed story's fit in its slot while it is edited: its page proof laid out off screen with the text
 * as typed and measured like the live proof and the export, a moment after typing pauses. Until the first
 * measurement (or where it cannot run) the estimate from 字数 stands in, marked as such.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Article } from '../../../shared/model/article';
import type { Block } from '../../../shared/model/document';
import type { Issue } from '../../../shared/model/issue';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import { planStoryOf } from '../../../shared/rules/pageplan/flatplanRows';
import { pageGrid } from '../../../shared/rules/pageplan/pageGrid';
import { estimateSlotLines, type SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
import { transport } from '../../api/transport';
import { useSettings } from '../../common/settingsContext';
import { measureOffscreen } from '../../common/measureOffscreen';

const PAUSE_MS = 400;

export function useLiveSlotFit(article: Article, body: readonly Block[], plan: Issue | null): SlotLineFit | null {
  const { settings } = useSettings();
  const placement = article.placement;
  const [measured, setMeasured] = useState<{ at: string; fit: SlotLineFit } | null>(null);
  const live = useMemo(() => ({ ...article, body: [...body] }), [article, body]);
  const where = plan && placement ? { page: placement.page, slotId: placement.slotId } : null;
  const inPlan = !!where && !!plan?.pages.find((p) => p.label === where.page)?.slots.some((s) => s.id === where.slotId);

  useEffect(() => {
    if (!plan || !where || !inPlan) return setMeasured(null);
    let current = true;
    const timer = setTimeout(() => {
      const proof = renderPageProof({
        plan,
        pageLabel: where.page,
        stories: new Map([[live.id, live]]),
        geometry: settings.pageGeometry,
        paperName: settings.paperName,
        assetUrl: (asset) => transport.assetUrl(asset),
      });
      void measureOffscreen(proof).then((fits) => {
        const f = fits.find((x) => x.slotId === where.slotId);
        if (current && f) setMeasured({ at: `${where.page}/${where.slotId}`, fit: { ...f, measured: true } });
      });
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [plan, where?.page, where?.slotId, inPlan, live, settings.pageGeometry, settings.paperName]);

  // The last measurement of this slot stands until the next one: a keystroke does not flip it to the estimate.
  const mine = where && measured?.at === `${where.page}/${where.slotId}` ? measured.fit : null;
  const estimate = useMemo(() => {
    if (mine || !plan || !where || !inPlan) return null;
    return estimateSlotLines(
      plan,
      where.page,
      where.slotId,
      planStoryOf(live).paragraphs,
      pageGrid(settings.pageGeometry),
    );
  }, [mine, plan, where?.page, where?.slotId, inPlan, live, settings.pageGeometry]);

  return mine ?? estimate;
}
