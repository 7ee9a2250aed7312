/** The export gate: every reason a finished issue may not go to the printer yet, listed at once. */
import { pendingSuggestions } from './suggestions/changeTable';
import type { Article } from '../model/article';
import type { ArticleStatus } from '../model/status';
import { STATUS_ZH } from './moveRefusal';
import type { SlotLineFit } from './pageplan/slotLines';

export const GATE_PROBLEM_CODES = [
  'story_missing',
  'not_approved',
  'photo_without_credit',
  'overset',
  'unresolved_suggestions',
  'sync_conflict',
] as const;
export type GateProblemCode = (typeof GATE_PROBLEM_CODES)[number];

export interface GateProblem {
  code: GateProblemCode;
  page: string;
  slotId: string;
  articleId: string;
  /** zh-CN, as written into the manifest; the UI words the problem from the fields below. */
  message: string;
  headline?: string;
  status?: ArticleStatus;
  /** 1-based photo number, for a photo without credit. */
  photo?: number;
  /** Lines over the slot (loose), and still over when set tight. */
  lines?: number;
  tightLines?: number;
  toleranceLines?: number;
  estimated?: boolean;
  /** Pending suggestions, or live sync versions. */
  count?: number;
}

/** A slot with its story as the gate needs it, and the story's fit in lines (measured or estimated). */
export interface GateSlot {
  page: string;
  slotId: string;
  articleId: string;
  article: Article | null;
  fit?: SlotLineFit;
  /** Live leaves beyond the winner after sync: a story in conflict cannot go to the printer. */
  conflicts?: number;
}

/** Track-change suggestions (留痕) still waiting for accept or reject: the gate refuses a story with any. */
export function unresolvedSuggestions(article: Article): number {
  return pendingSuggestions(article).length;
}

function title(a: Article): string {
  return a.headline || a.id;
}

/**
 * Whether pending suggestions are the content of this export rather than a reason to refuse it: only
 * a DOCX-only export with Word tracked changes, which carries them as revisions for someone to decide.
 * Any other format would print them as if decided.
 */
export function suggestionsTravelAsRevisions(formats: readonly string[], docxTrackedChanges: boolean): boolean {
  return docxTrackedChanges && formats.length > 0 && formats.every((f) => f === 'docx');
}

export interface GateOptions {
  /** Pending suggestions go out as Word revisions (see suggestionsTravelAsRevisions), so they do not refuse. */
  suggestionsAsRevisions?: boolean;
}

/** `toleranceLines`: lines a story may run over its slot and still go out, set tighter (紧排) to fit. */
export function checkExportGate(
  slots: readonly GateSlot[],
  toleranceLines: number,
  options: GateOptions = {},
): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const s of slots) {
    const a = s.article;
    if (!a) {
      const at = { page: s.page, slotId: s.slotId, articleId: s.articleId };
      problems.push({ code: 'story_missing', ...at, message: `${s.page} ${s.slotId}：稿件 ${s.articleId} 不存在` });
      continue;
    }
    const at = { page: s.page, slotId: s.slotId, articleId: s.articleId, headline: title(a) };
    if (a.status !== 'approved' && a.status !== 'placed')
      problems.push({
        code: 'not_approved',
        ...at,
        status: a.status,
        message: `${s.page}《${title(a)}》尚未签发（${STATUS_ZH[a.status]}）`,
      });
    let n = 0;
    for (const block of a.body) {
      if (block.type !== 'photo') continue;
      n++;
      if (!block.credit)
        problems.push({
          code: 'photo_without_credit',
          ...at,
          photo: n,
          message: `${s.page}《${title(a)}》第 ${n} 张图片没有署名`,
        });
    }
    const fit = s.fit;
    const how = fit?.measured ? '' : '（估算）';
    const over = fit && {
      lines: fit.looseOversetLines,
      tightLines: fit.oversetLines,
      toleranceLines,
      estimated: !fit.measured,
    };
    if (fit && fit.looseOversetLines > toleranceLines)
      problems.push({
        code: 'overset',
        ...at,
        ...over,
        message: `${s.page}《${title(a)}》超 ${fit.looseOversetLines} 行${how}（容差 ${toleranceLines} 行）`,
      });
    else if (fit?.tightened && fit.oversetLines > 0)
      problems.push({
        code: 'overset',
        ...at,
        ...over,
        message: `${s.page}《${title(a)}》超 ${fit.looseOversetLines} 行，紧排后仍超 ${fit.oversetLines} 行`,
      });
    const open = options.suggestionsAsRevisions ? 0 : unresolvedSuggestions(a);
    if (open > 0)
      problems.push({
        code: 'unresolved_suggestions',
        ...at,
        count: open,
        message: `${s.page}《${title(a)}》还有 ${open} 处修改建议未处理`,
      });
    if ((s.conflicts ?? 0) > 0)
      problems.push({
        code: 'sync_conflict',
        ...at,
        count: s.conflicts,
        message: `${s.page}《${title(a)}》同步冲突未解决（${s.conflicts} 个并存版本）`,
      });
  }
  return problems;
}
