/**
 * Exports one day's issue: reads the plan and its stories, runs the gate, and hands the packaging
 * to a worker thread so saves keep being served; progress goes out as events.
 */
import { isAbsolute, join } from 'node:path';
import { type z } from 'zod';
import type { ExportProgressEvent, ExportRequestSchema, ExportResult } from '../../../shared/export/exportRequest';
import { storyPhotos, storyStem, type ExportStory } from '../../../shared/export/exportStory';
import type { ManifestPage } from '../../../shared/export/manifest';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { Article } from '../../../shared/model/article';
import { issueIdForDate, type Issue } from '../../../shared/model/issue';
import { stripUnsafeInValue } from '../../../shared/rules/unsafeText';
import { checkExportGate, suggestionsTravelAsRevisions, type GateSlot } from '../../../shared/rules/exportGate';
import type { ArticleStore } from '../articleStore';
import type { IssueStore } from '../issueStore';
import type { SettingsService } from '../settingsService';
import type { PackageJob } from './packageJob';
import { PackageWorker, type ProofPrinter } from './runPackageWorker';

export type ExportRequest = z.output<typeof ExportRequestSchema>;
type ProgressListener = (e: ExportProgressEvent) => void;

export interface ExportServiceDeps {
  dataDir: string;
  version: string;
  articles: ArticleStore;
  issues: IssueStore;
  settings: SettingsService;
  /** Prints proof pages; created on first use (a Chromium launch is not free). */
  printer: () => ProofPrinter;
}

interface PlacedSlot {
  page: Issue['pages'][number];
  slotIndex: number;
  slotId: string;
  targetChars: number;
  articleId: string;
}

function withoutUnsafeText(article: Article | null): Article | null {
  return article && stripUnsafeInValue(article).value;
}

function placedSlots(issue: Issue): PlacedSlot[] {
  const out: PlacedSlot[] = [];
  for (const page of issue.pages)
    page.slots.forEach((slot, slotIndex) => {
      if (slot.articleId)
        out.push({ page, slotIndex, slotId: slot.id, targetChars: slot.targetChars, articleId: slot.articleId });
    });
  return out;
}

export class ExportService {
  private readonly listeners = new Set<ProgressListener>();
  private jobs = 0;
  private readonly worker = new PackageWorker();

  constructor(private readonly deps: ExportServiceDeps) {}

  /** Stops the packaging worker; an export still running fails. */
  close(): Promise<void> {
    return this.worker.close();
  }

  onProgress(listener: ProgressListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: ExportProgressEvent): void {
    for (const l of this.listeners) l(e);
  }

  async run(req: ExportRequest): Promise<ExportResult> {
    const { deps } = this;
    const jobId = req.jobId ?? `export-${++this.jobs}`;
    const progress = (phase: ExportProgressEvent['phase'], done: number, total: number, message = '') =>
      this.emit({ event: 'export.progress', jobId, date: req.date, phase, done, total, message });
    const issue = await deps.issues.get(issueIdForDate(req.date));
    const settings = deps.settings.get();
    const slots = placedSlots(issue);
    progress('gate', 0, slots.length);
    const articles = new Map<string, Article | null>();
    for (const s of slots) {
      articles.set(
        s.articleId,
        await deps.articles.get(s.articleId).catch((e: unknown) => {
          if (e instanceof NewsdeskError && e.code === 'not_found') return null;
          throw e;
        }),
      );
    }
    const gateSlots: GateSlot[] = slots.map((s) => ({
      page: s.page.label,
      slotId: s.slotId,
      articleId: s.articleId,
      targetChars: s.targetChars,
      // Without control characters, which its messages would otherwise echo (the package drops them too).
      article: withoutUnsafeText(articles.get(s.articleId) ?? null),
      conflicts: deps.articles.summary(s.articleId)?.conflicts ?? 0,
    }));
    const suggestionsAsRevisions = suggestionsTravelAsRevisions(req.formats, req.docxTrackedChanges);
    const problems = checkExportGate(gateSlots, settings.exportOversetTolerance, { suggestionsAsRevisions });
    if (problems.length && !req.force) {
      progress('done', 0, 0, 'refused');
      return { status: 'refused', problems };
    }
    const stories: ExportStory[] = [];
    for (const s of slots) {
      const article = articles.get(s.articleId);
      // A story that jumps (转版) sits in two slots; its files are written once, named after where it starts.
      if (!article || stories.some((x) => x.article.id === article.id)) continue;
      const stem = storyStem(s.page.label, s.slotIndex, article.id);
      stories.push({
        article,
        pageLabel: s.page.label,
        section: s.page.section,
        slotId: s.slotId,
        slotIndex: s.slotIndex,
        stem,
        photos: storyPhotos(article, stem),
      });
    }
    const pages: ManifestPage[] = issue.pages.map((p) => ({
      label: p.label,
      section: p.section,
      slots: p.slots.map((s) => ({ id: s.id, targetChars: s.targetChars, articleId: s.articleId ?? null })),
    }));
    // A revisions export is for review, not the printer: by default it never replaces the issue package.
    const name = req.docxTrackedChanges ? `${req.date}-revisions.zip` : `${req.date}.zip`;
    const out = req.out ? req.out : join(deps.dataDir, 'exports', name);
    if (!isAbsolute(out)) throw new NewsdeskError('validation', `导出路径必须是绝对路径：${out}`, { path: 'out' });
    const job: PackageJob = {
      issue: {
        id: issue.id,
        date: issue.date,
        number: issue.number,
        revision: issue.revision,
        paperName: settings.paperName,
      },
      pages,
      plan: { date: issue.date, number: issue.number, pages: issue.pages },
      geometry: settings.pageGeometry,
      stories,
      formats: req.formats,
      docxTrackedChanges: req.docxTrackedChanges,
      forced: req.force,
      problems,
      assetsDir: join(deps.dataDir, 'assets'),
      target: out,
      generator: `Newsdesk ${deps.version}`,
    };
    const result = await this.worker.run(job, {
      onProgress: (p) => progress(p.phase, p.done, p.total, p.message),
      printer: req.formats.includes('pdf') ? deps.printer() : undefined,
    });
    return { status: 'exported', ...result, draft: job.forced, problems };
  }
}
