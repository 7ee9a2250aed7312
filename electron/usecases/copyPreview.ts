/** The import preview (copy.parse): raw copy parsed off the thread that serves saves, then checked against the desk for 疑似重复. */
import type { CopyDuplicate, CopyPreview } from '../../shared/model/parsedCopy';
import { DUPLICATE_WINDOW_MS, bodyTextOf, duplicateScore, headlineKey } from '../../shared/rules/copy/duplicateCopy';
import { cleanForeignText } from '../../shared/rules/unsafeText';
import type { Services } from '../services/openServices';

/** Listing page size while looking for stories with the same headline (the listing's own maximum). */
const PAGE = 500;

/**
 * Stories created in the last 7 days whose headline is this one and whose body is at least 90 % this
 * one's. Only the listing's summaries are scanned (in memory); only stories with the same headline are read.
 */
export async function recentDuplicates(
  s: Services,
  incoming: { headline: string; bodyText: string },
  now: Date,
): Promise<CopyDuplicate[]> {
  const key = headlineKey(incoming.headline);
  if (key === '') return [];
  const from = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    // A story created in the window was last changed in it too: its update time bounds the scan.
    const page = s.articles.list({ updatedFrom: from, limit: PAGE, offset });
    for (const row of page.items) if (headlineKey(row.headline) === key) ids.push(row.id);
    if (offset + PAGE >= page.total) break;
  }
  const found: CopyDuplicate[] = [];
  for (const id of ids) {
    const a = await s.articles.get(id).catch(() => null);
    if (!a) continue;
    const similarity = duplicateScore(
      incoming,
      { headline: a.headline, bodyText: bodyTextOf(a.body), createdAt: a.createdAt },
      now,
    );
    if (similarity !== null)
      found.push({ id, headline: a.headline, createdAt: a.createdAt, createdBy: a.createdBy, similarity });
  }
  return found.sort((a, b) => b.similarity - a.similarity);
}

/** The structure raw copy parses into, with the control characters removed and counted, and likely duplicates named. */
export async function previewCopy(s: Services, raw: string, now = new Date()): Promise<CopyPreview> {
  const clean = cleanForeignText(raw);
  const { preview, match } = await s.workers.run('copyPreview', clean.text, { paperName: s.settings.get().paperName });
  const duplicates = await recentDuplicates(s, match, now);
  return {
    ...preview,
    ...(clean.removed ? { removedControls: { count: clean.removed, codePoints: clean.codePoints } } : {}),
    ...(duplicates.length > 0 ? { duplicates } : {}),
  };
}
