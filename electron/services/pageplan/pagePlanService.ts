/**
 * The day's plan in main: creating issues, placing and moving stories with the revision check, keeping
 * each story's placement and placed status in step with the plan, and the flatplan rows.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { Article } from '../../../shared/model/article';
import { applyPlacement } from '../../../shared/rules/workflow';
import type { FlatplanRow } from '../../../shared/model/flatplan';
import { issueIdForDate, type Issue, type IssueContent, type Page } from '../../../shared/model/issue';
import { flatplanRows, planStoryOf, type PlanStory } from '../../../shared/rules/pageplan/flatplanRows';
import { planProblem, withComputedTargets } from '../../../shared/rules/pageplan/planChecks';
import { placedIds, placementIn, type PlanEdit } from '../../../shared/rules/pageplan/planEdits';
import { pageGrid } from '../../../shared/rules/pageplan/pageGrid';
import { applySlotEdit } from '../../../shared/rules/pageplan/slotEdits';
import { applyPageLayout, pageLayoutOf } from '../../../shared/rules/pageplan/pageLayouts';
import type { SlotEdit } from '../../../shared/model/slotEdit';
import { DEFAULT_TEMPLATE, emptiedPages } from '../../../shared/rules/pageplan/pageTemplates';
import type { SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
import { slotFitKeyMaterial } from '../../../shared/proof/slotFitKey';
import type { ArticleStore } from '../store/articleStore';
import type { IssueStore } from '../issueStore';
import type { SettingsService } from '../settingsService';
import type { SlotFitStore } from './slotFitStore';
import { PageTemplateStore } from './pageTemplateStore';

export interface NewIssueRequest {
  date: string;
  number?: number;
  /** Copy the pages of the issue of this date. */
  from?: string;
  template?: string;
}

export class PagePlanService {
  readonly templates: PageTemplateStore;
  private readonly storyCache = new Map<string, { revision: number; story: PlanStory }>();

  constructor(
    private readonly s: {
      articles: ArticleStore;
      issues: IssueStore;
      settings: SettingsService;
      slotFits: SlotFitStore;
      dataDir: string;
    },
  ) {
    this.templates = new PageTemplateStore(s.dataDir);
  }

  private geometry() {
    return this.s.settings.get().pageGeometry;
  }

  async issueFor(date: string): Promise<Issue> {
    return this.s.issues.get(issueIdForDate(date));
  }

  /** A new day's issue: 期号 the previous issue's + 1, pages from a previous issue, a template, or the last issue. */
  async createIssue(req: NewIssueRequest, actor: string): Promise<Issue> {
    if (req.from && req.template) throw new NewsdeskError('validation', '只能选择“复制往期”或“模板”其中之一。');
    const all = await this.s.issues.list();
    const previous = all.find((i) => i.date < req.date) ?? null;
    let pages: Page[];
    if (req.from) {
      const source = all.find((i) => i.date === req.from);
      if (!source) throw new NewsdeskError('not_found', `找不到 ${req.from} 的期次。`);
      pages = emptiedPages(source.pages);
    } else if (req.template) pages = await this.templates.pages(req.template);
    else pages = previous ? emptiedPages(previous.pages) : await this.templates.pages(DEFAULT_TEMPLATE);
    const content: IssueContent = {
      date: req.date,
      number: req.number ?? (previous ? previous.number + 1 : 1),
      pages,
    };
    const problem = planProblem(content, this.geometry());
    if (problem) throw new NewsdeskError('validation', problem);
    return this.s.issues.create(withComputedTargets(content, this.geometry()), actor);
  }

  /**
   * Saves a plan on `baseRevision` (stale: `conflict` with the newer plan), then brings every story whose
   * slot changed into step: its placement, and placed/approved status.
   */
  async save(id: string, baseRevision: number, content: IssueContent, actor: string): Promise<Issue> {
    const problem = planProblem(content, this.geometry());
    if (problem) throw new NewsdeskError('validation', problem);
    const before = await this.s.issues.get(id);
    const added = [...placedIds(content)].filter((a) => !placedIds(before).has(a));
    for (const articleId of added) {
      const summary = this.s.articles.summary(articleId);
      if (!summary) throw new NewsdeskError('not_found', `找不到稿件 ${articleId}。`);
      if (summary.status === 'spiked') throw new NewsdeskError('validation', `稿件 ${articleId} 已撤稿，不能排版。`);
      const elsewhere = summary.placement;
      if (elsewhere && elsewhere.issueDate !== content.date)
        throw new NewsdeskError('validation', `稿件已排在 ${elsewhere.issueDate} 的 ${elsewhere.page} 版，请先撤下。`);
    }
    const saved = await this.s.issues.save(id, baseRevision, withComputedTargets(content, this.geometry()), actor);
    // Only stories whose slot changed are re-saved: a plan of 80 stories must not rewrite 80 files per move.
    for (const articleId of new Set([...placedIds(before), ...placedIds(saved)])) {
      const was = JSON.stringify(placementIn(before, articleId));
      const now = placementIn(saved, articleId);
      const summary = this.s.articles.summary(articleId);
      const inStep =
        summary &&
        JSON.stringify(summary.placement) === JSON.stringify(now) &&
        (now ? summary.status !== 'approved' : summary.status !== 'placed');
      if (was !== JSON.stringify(now) || !inStep) await this.syncPlacement(articleId, saved, actor);
    }
    return saved;
  }

  /** Applies a pure edit to the day's current plan (or to `baseRevision` of it) and saves it. */
  async edit(date: string, baseRevision: number | undefined, change: (plan: IssueContent) => PlanEdit, actor: string) {
    const issue = await this.issueFor(date);
    if (baseRevision !== undefined && baseRevision !== issue.revision)
      throw new NewsdeskError('conflict', `版面已被 ${issue.updatedBy} 更新（第 ${issue.revision} 版）。`, {
        currentRevision: issue.revision,
        currentIssue: issue,
      });
    const result = change({ date: issue.date, number: issue.number, pages: issue.pages });
    if (!result.ok) throw new NewsdeskError(result.code, result.reason);
    return this.save(issue.id, issue.revision, result.plan, actor);
  }

  /** Applies one shape edit (draw, move, resize, …) with the plan rules; a story left without a slot goes back to the pool. */
  async shape(date: string, baseRevision: number | undefined, edit: SlotEdit, actor: string): Promise<Issue> {
    const grid = pageGrid(this.geometry());
    return this.edit(date, baseRevision, (plan) => applySlotEdit(plan, grid, edit), actor);
  }

  /** Saves one page's slots (geometry, targets, kinds; no stories) as a named layout (版式模板). */
  async savePageTemplate(date: string, pageLabel: string, name: string): Promise<{ name: string }> {
    const layout = pageLayoutOf(await this.issueFor(date), pageGrid(this.geometry()), pageLabel);
    if (!layout) throw new NewsdeskError('not_found', `${date} 的期次没有 ${pageLabel} 版。`);
    await this.templates.savePageLayout(name, layout);
    return { name };
  }

  /** Lays a saved layout onto a page of the day's plan whose slots are empty: one plan edit, one undo step. */
  async applyPageTemplate(
    date: string,
    baseRevision: number | undefined,
    pageLabel: string,
    name: string,
    actor: string,
  ): Promise<Issue> {
    const layout = await this.templates.pageLayout(name);
    const grid = pageGrid(this.geometry());
    return this.edit(date, baseRevision, (plan) => applyPageLayout(plan, grid, pageLabel, layout), actor);
  }

  /** The day a story is placed in, from its own record. */
  async placedDate(articleId: string): Promise<string> {
    const article = await this.s.articles.get(articleId);
    if (!article.placement) throw new NewsdeskError('not_found', `稿件 ${articleId} 未排版。`);
    return article.placement.issueDate;
  }

  /**
   * Brings the given stories into step with `plan` (placement and placed/approved status): after a
   * plan was written some other way than `save`, e.g. keeping one side of a plan conflict.
   */
  async settlePlacements(plan: Issue, articleIds: Iterable<string>, actor: string): Promise<void> {
    for (const articleId of new Set(articleIds)) await this.syncPlacement(articleId, plan, actor);
  }

  private async syncPlacement(articleId: string, plan: Issue, actor: string): Promise<void> {
    // An autosave may land between reading the story and writing it; the placement is then written on top.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.syncOnce(articleId, plan, actor);
      } catch (e) {
        if (!(e instanceof NewsdeskError && e.code === 'conflict') || attempt >= 3) throw e;
      }
    }
  }

  private async syncOnce(articleId: string, plan: Issue, actor: string): Promise<void> {
    // A story deleted on the hub is out of the listing; its slot shows it missing, its file is left alone.
    if (!this.s.articles.summary(articleId)) return;
    let article: Article;
    try {
      article = await this.s.articles.get(articleId);
    } catch (e) {
      if (e instanceof NewsdeskError && e.code === 'not_found') return;
      throw e;
    }
    const placement = placementIn(plan, articleId);
    // A story placed in another day's issue is that issue's business.
    if (!placement && article.placement && article.placement.issueDate !== plan.date) return;
    const next = applyPlacement(article, placement);
    if (JSON.stringify(placement) === JSON.stringify(article.placement) && next.status === article.status) return;
    await this.s.articles.update(articleId, article.revision, actor, (a) => applyPlacement(a, placement));
  }

  async flatplan(date: string): Promise<{ issue: Issue; rows: FlatplanRow[] }> {
    const issue = await this.issueFor(date);
    const stories = new Map<string, PlanStory>();
    await Promise.all(
      [...placedIds(issue)].map(async (id) => {
        // The index knows each story's revision: an unchanged story is not read from disk again.
        const summary = this.s.articles.summary(id);
        // Deleted on the hub (or unreadable): the slot shows the story missing.
        if (!summary) return;
        const revision = summary.revision;
        const cached = this.storyCache.get(id);
        if (cached && cached.revision === revision) return void stories.set(id, cached.story);
        try {
          const article = await this.s.articles.get(id);
          const story = planStoryOf(article);
          this.storyCache.set(id, { revision: article.revision, story });
          stories.set(id, story);
        } catch (e) {
          // A missing story shows as a problem in its slot rather than failing the whole plan.
          if (!(e instanceof NewsdeskError && (e.code === 'not_found' || e.code === 'corrupt'))) throw e;
        }
      }),
    );
    const measured = await this.measuredFits(issue);
    return {
      issue,
      rows: flatplanRows(issue, stories, this.geometry(), (page, slotId) => measured.get(`${page}/${slotId}`) ?? null),
    };
  }

  /** The fits measured from the real layout for the current version of every placed story, by page/slot. */
  async measuredFits(plan: IssueContent): Promise<Map<string, SlotLineFit>> {
    const { pageGeometry, paperName } = this.s.settings.get();
    const out = new Map<string, SlotLineFit>();
    for (const page of plan.pages)
      for (const slot of page.slots) {
        const revision = slot.articleId ? this.s.articles.summary(slot.articleId)?.revision : undefined;
        if (revision === undefined) continue;
        const fit = await this.s.slotFits.get(
          slotFitKeyMaterial(plan, page.label, slot.id, revision, pageGeometry, paperName),
        );
        if (fit) out.set(`${page.label}/${slot.id}`, fit);
      }
    return out;
  }

  /**
   * Keeps fits the app's live proof measured, for the plan and story versions it laid out: a fit for an
   * older version of the plan or of a story is dropped, as it no longer describes the page.
   */
  async recordFits(
    date: string,
    planRevision: number,
    fits: readonly { page: string; slotId: string; articleId: string; articleRevision: number; fit: SlotLineFit }[],
  ): Promise<{ recorded: number }> {
    const issue = await this.issueFor(date);
    if (issue.revision !== planRevision) return { recorded: 0 };
    const { pageGeometry, paperName } = this.s.settings.get();
    const keep: { material: string; fit: SlotLineFit }[] = [];
    for (const f of fits) {
      const slot = issue.pages.find((p) => p.label === f.page)?.slots.find((s) => s.id === f.slotId);
      if (slot?.articleId !== f.articleId) continue;
      if (this.s.articles.summary(f.articleId)?.revision !== f.articleRevision) continue;
      const material = slotFitKeyMaterial(issue, f.page, f.slotId, f.articleRevision, pageGeometry, paperName);
      if (material) keep.push({ material, fit: { ...f.fit, measured: true } });
    }
    await this.s.slotFits.put(keep);
    return { recorded: keep.length };
  }
}
