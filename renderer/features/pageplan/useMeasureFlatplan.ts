/**
 * Lays out, off screen, every page of the flatplan whose slots show only an estimate (估算), measures
 * it as the proof and the export do, and hands the fits to main; the plan then reloads with them.
 * Each page and version is tried once, so a store that keeps no fits (read-only) does not loop.
 */
import { useEffect, useRef } from 'react';
import type { Article } from '../../../shared/model/article';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import { api, transport } from '../../api/transport';
import { useSettings } from '../../common/settingsContext';
import { measureOffscreen } from '../../common/measureOffscreen';
import { recordFits } from './recordFits';
import type { PlanState } from './usePlan';

export function useMeasureFlatplan(plan: PlanState | null, reload: () => Promise<void>) {
  const { settings } = useSettings();
  const tried = useRef(new Set<string>());
  useEffect(() => {
    if (!plan) return;
    const { issue, rows } = plan;
    const pages = [...new Set(rows.filter((r) => r.articleId && r.status && !r.measured).map((r) => r.page))];
    const todo = pages.filter((page) => {
      const ids = rows.filter((r) => r.page === page && r.articleId).map((r) => r.articleId);
      const key = `${issue.revision}:${page}:${ids.join(',')}:${settings.paperName}:${JSON.stringify(settings.pageGeometry)}`;
      if (tried.current.has(key)) return false;
      tried.current.add(key);
      return true;
    });
    if (todo.length === 0) return;
    let live = true;
    void (async () => {
      let recorded = 0;
      for (const page of todo) {
        const ids = new Set(rows.filter((r) => r.page === page && r.articleId).map((r) => r.articleId!));
        const stories = new Map<string, Article>();
        for (const id of ids) {
          const a = await api.call('articles.get', { id });
          if (a.ok) stories.set(id, a.value);
        }
        if (!live) return;
        const proof = renderPageProof({
          plan: issue,
          pageLabel: page,
          stories,
          geometry: settings.pageGeometry,
          paperName: settings.paperName,
          assetUrl: (asset) => transport.assetUrl(asset),
        });
        recorded += await recordFits(issue, stories, await measureOffscreen(proof));
      }
      if (live && recorded > 0) await reload();
    })();
    return () => {
      live = false;
    };
  }, [plan, reload, settings.pageGeometry, settings.paperName]);
}
