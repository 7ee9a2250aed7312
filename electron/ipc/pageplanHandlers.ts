/** Page plan channels -> the page plan service (placing, moving, the flatplan, templates). */
import type { Handlers } from './registry';
import type { Services } from '../services/openServices';
import { PagePlanService } from '../services/pageplan/pagePlanService';
import { TemplateNameSchema } from '../services/pageplan/pageTemplateStore';
import { moveStory, placeStory, reorderSlot, unplaceStory } from '../../shared/rules/pageplan/planEdits';
import { NewsdeskError } from '../../shared/ipc/errors';

type PagePlanChannel = Extract<keyof Handlers, `pageplan.${string}`> | 'issues.save';

export function pagePlanHandlers(s: Services, actor: () => string): Pick<Handlers, PagePlanChannel> {
  const plan = new PagePlanService(s);
  return {
    // Plan saves (undo, hand edits) keep every story's placement in step, like the edits below.
    'issues.save': ({ id, baseRevision, content }) => plan.save(id, baseRevision, content, actor()),
    'pageplan.createIssue': (req) => plan.createIssue(req, actor()),
    'pageplan.place': ({ articleId, date, page, slotId, jump, baseRevision }) =>
      plan.edit(date, baseRevision, (p) => placeStory(p, articleId, page, slotId, { jump }), actor()),
    'pageplan.unplace': async ({ articleId, baseRevision }) =>
      plan.edit(await plan.placedDate(articleId), baseRevision, (p) => unplaceStory(p, articleId), actor()),
    'pageplan.move': ({ date, from, to, baseRevision }) =>
      plan.edit(date, baseRevision, (p) => moveStory(p, from, to), actor()),
    'pageplan.reorder': ({ date, page, slotId, index, baseRevision }) =>
      plan.edit(date, baseRevision, (p) => reorderSlot(p, page, slotId, index), actor()),
    'pageplan.shape': ({ date, edit, baseRevision }) => plan.shape(date, baseRevision, edit, actor()),
    'pageplan.flatplan': ({ date }) => plan.flatplan(date),
    'pageplan.recordFits': ({ date, planRevision, fits }) =>
      plan.recordFits(
        date,
        planRevision,
        fits.map(({ page, slotId, articleId, articleRevision, ...fit }) => ({
          page,
          slotId,
          articleId,
          articleRevision,
          fit: { ...fit, measured: true },
        })),
      ),
    'pageplan.templates': () => plan.templates.names(),
    'pageplan.saveTemplate': async ({ name, date }) => {
      const parsed = TemplateNameSchema.safeParse(name);
      if (!parsed.success) throw new NewsdeskError('validation', parsed.error.issues[0]!.message);
      await plan.templates.save(name, (await plan.issueFor(date)).pages);
      return { name };
    },
    'pageplan.pageTemplates': () => plan.templates.pageLayouts(),
    'pageplan.savePageTemplate': async ({ name, date, page }) => {
      const parsed = TemplateNameSchema.safeParse(name);
      if (!parsed.success) throw new NewsdeskError('validation', parsed.error.issues[0]!.message);
      return plan.savePageTemplate(date, page, name);
    },
    'pageplan.applyPageTemplate': ({ name, date, page, baseRevision }) =>
      plan.applyPageTemplate(date, baseRevision, page, name, actor()),
  };
}
