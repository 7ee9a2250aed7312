/** Contract channel -> service call. Requests arrive here already validated by the registry. */
import type { Services } from '../services/openServices';
import type { Handlers } from './registry';
import { loadSampleIssue } from '../usecases/sampleIssue';
import { transitionArticle } from '../usecases/transition';
import { copyImporter, importCopy } from '../usecases/copyImport';
import { previewCopy } from '../usecases/copyPreview';
import { contentOf } from '../../shared/model/article';
import { assertDataDirChoice } from '../services/dataDirPolicy';
import { pagePlanHandlers } from './pageplanHandlers';
import { planProblem } from '../../shared/rules/pageplan/planChecks';
import { NewsdeskError } from '../../shared/ipc/errors';
import { planConflictOf, resolvePlanConflict } from '../services/sync/planConflicts';
import { conflictOf } from '../services/sync/conflictView';
import { deletedStories } from '../services/sync/deletedStories';
import { deskIdentity } from '../../shared/model/settings';
import { stylebookHandlers } from './stylebookHandlers';
import { PagePlanService } from '../services/pageplan/pagePlanService';

export function createHandlers(s: Services): Handlers {
  // With a hub, every write is signed with the hub session's name (the hub checks `updatedBy`).
  const actor = () => deskIdentity(s.settings.get()).name;
  // Keeping one side of a plan conflict brings stories' placements into step, as a plan save does.
  const plans = new PagePlanService(s);
  // The store's health once its check of every file at open has ended (it may quarantine some).
  const health = async () => {
    const quarantined = await s.articles.quarantined();
    return { articleCount: s.articles.count, quarantined };
  };
  return {
    // Asked as the app starts: answered without waiting for that check, so the desk shows at once.
    'app.info': async () => ({
      version: s.version,
      dataDir: s.dataDir,
      health: { articleCount: s.articles.count, quarantined: await s.articles.quarantined({ afterCheck: false }) },
    }),
    'articles.list': async (q) => s.articles.list(q),
    'articles.get': ({ id }) => s.articles.get(id),
    'articles.create': ({ kind, content }) => s.articles.create(kind, content, actor()),
    'articles.save': ({ id, baseRevision, content, restoreDeleted }) =>
      s.articles.save(id, baseRevision, content, actor(), { restoreDeleted }),
    'articles.spike': ({ id, baseRevision }) => transitionArticle(s, { id, baseRevision, to: 'spiked' }, actor()),
    'articles.restore': ({ id, baseRevision }) => transitionArticle(s, { id, baseRevision, to: 'restored' }, actor()),
    'articles.transition': (req) => transitionArticle(s, req, actor()),
    'search.query': ({ q, limit }) => s.search.query(q, limit),
    'assets.import': ({ fileName, dataBase64 }) => s.assets.importImage(fileName, dataBase64),
    'revisions.list': ({ id }) => s.revisions.list(id),
    'revisions.get': ({ id, revision }) => s.revisions.get(id, revision),
    'revisions.markSitting': async ({ id, revision }) => ({
      marked: await s.revisions.markSitting(id, revision, actor()),
    }),
    'revisions.restore': async ({ id, revision, baseRevision }) => {
      const old = await s.revisions.get(id, revision);
      return s.articles.update(id, baseRevision, actor(), (current) => ({ ...current, ...contentOf(old) }));
    },
    'copy.parse': ({ text }) => previewCopy(s, text),
    'copy.import': ({ text }) => importCopy(s, text, actor()),
    'issues.list': async () =>
      (await s.issues.list()).map(({ id, date, number, revision }) => ({ id, date, number, revision })),
    'issues.get': ({ id }) => s.issues.get(id),
    // A plan is checked the same way however it arrives: a page that would print text over text is refused.
    'issues.create': (content) => {
      const problem = planProblem(content, s.settings.get().pageGeometry);
      if (problem) throw new NewsdeskError('validation', problem);
      return s.issues.create(content, actor());
    },
    'settings.get': async () => s.settings.get(),
    'settings.update': async (patch) => {
      if (patch.dataDir) assertDataDirChoice(patch.dataDir, s.dataDir);
      return s.settings.update(patch);
    },
    'store.health': health,
    'sample.load': () => loadSampleIssue(s, actor()),
    'articles.facets': async () => s.articles.facets(),
    'copy.importMany': ({ batchId, files }) => s.imports.run(batchId, files, copyImporter(s, actor())),
    'copy.importCancel': async ({ batchId }) => ({ cancelled: s.imports.cancel(batchId) }),
    ...pagePlanHandlers(s, actor),
    'export.issue': (req) => s.exports.run(req),
    'sync.status': () => s.sync.status(),
    'sync.configure': (hub) => s.sync.configure(s.settings, hub),
    'sync.test': ({ hubUrl, hubUser, password }) =>
      s.sync.test(hubUrl, hubUser, password ?? null, s.settings.get().hubUrl),
    'sync.conflict': async ({ id }) => conflictOf(await s.articles.getStored(id)),
    'sync.resolve': ({ id, baseRevision, content }) => s.sync.resolve(id, baseRevision, content, actor()),
    'sync.problems': async () => ({
      refused: (await s.sync.refused()).map(({ id, reason, error }) => ({ id, reason, error })),
      setAside: (await s.sync.setAside()).map(({ id, rev, reason, problems }) => ({ id, rev, reason, problems })),
    }),
    'sync.discard': ({ id }) => s.sync.discardRefused(id),
    'sync.deleted': () => deletedStories(s.articles),
    'sync.planConflict': ({ date }) => planConflictOf(s.issues, date),
    'sync.resolvePlan': ({ date, keep }) =>
      resolvePlanConflict(s.issues, date, keep, actor(), new Date(), (kept, ids) =>
        plans.settlePlacements(kept, ids, actor()),
      ),
    ...stylebookHandlers(s, actor),
    'store.access': async () => (s.readOnly ? { mode: 'read-only', ...s.readOnly } : { mode: 'writable' }),
  };
}
