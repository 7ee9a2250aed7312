/**
 * Exports one day's issue: reads the plan and its stories, runs the gate, and hands the packaging
 * to a worker thread so saves keep being served; progress goes out as events.
 */
import { isAbsolute, join } from 'node:path';
import { type z } from 'zod';
import {
  defaultExportName,
  type ExportProgressEvent,
  type ExportRequestSchema,
  type ExportResult,
} from '../../../shared/export/exportRequest';
import { storyPhotos, storyStem, type ExportStory } from '../../../shared/export/exportStory';
import type { ManifestPage } from '../../../shared/export/manifest';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { Article } from '../../../shared/model/article';
import { issueIdForDate, type Issue } from '../../../shared/model/issue';
import { stripUnsafeInValue } from '../../../shared/rules/unsafeText';
import { withoutControlCharacters } from './jobText';
import { checkExportGate, suggestionsTravelAsRevisions, type GateSlot } from '../../../shared/rules/exportGate';
import { slotFitKeyMaterial } from '../../../shared/proof/slotFitKey';
import { planStoryOf } from '../../../shared/rules/pageplan/flatplanRows';
import { pageGrid } from '../../../shared/rules/pageplan/pageGrid';
import { estimateSlotLines, toleranceLines, type SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
import type { ArticleStore } from '../store/articleStore';
import type { IssueStore } from '../issueStore';
import type { SlotFitStore } from '../pageplan/slotFitStore';
import type { SettingsService } from '../settingsService';
import type { PackageJob } from './packageJob';
import { renderProofDocument } from './proofPages';
import type { ProofPrinter, ProofSession } from './proofPrinter';
import { PackageWorker } from './runPackageWorker';

export type ExportRequest = z.output<typeof ExportRequestSchema>;
type ProgressListener = (e: ExportProgressEvent) => void;

export interface ExportServiceDeps {
  dataDir: string;
  version: string;
  articles: ArticleStore;
  issues: IssueStore;
  settings: SettingsService;
  /** Measured slot fits: the export's layout pass writes them, the gate reads them for exports without PDF. */
  fits: SlotFitStore;
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

const slotKey = (page: string, slotId: string) => `${page}\u0000${slotId}`;

/** Laying out the proof in Chromium failed (no browser, a crash): the error says it was the PDF proof. */
async function proofStep<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof NewsdeskError)
      throw new NewsdeskError(e.code, e.message, {
        ...e.extra,
        exportFailure: e.extra.exportFailure ?? { step: 'proof' },
      });
    const why = e instanceof Error ? e.message : String(e);
    throw new NewsdeskError('io', `排版版样失败：${why}`, { exportFailure: { step: 'proof' } });
  }
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
    const out = req.out ? req.out : join(deps.dataDir, 'exports', defaultExportName(req.date, req.docxTrackedChanges));
    if (!isAbsolute(out)) throw new NewsdeskError('validation', `导出路径必须是绝对路径：${out}`, { path: 'out' });
    const plan = { date: issue.date, number: issue.number, pages: issue.pages };
    const job: PackageJob = {
      issue: {
        id: issue.id,
        date: issue.date,
        number: issue.number,
        revision: issue.revision,
        paperName: settings.paperName,
      },
      pages,
      plan,
      geometry: settings.pageGeometry,
      stories,
      formats: req.formats,
      docxTrackedChanges: req.docxTrackedChanges,
      forced: req.force,
      problems: [],
      assetsDir: join(deps.dataDir, 'assets'),
      target: out,
      generator: `Newsdesk ${deps.version}`,
    };
    const grid = pageGrid(settings.pageGeometry);
    const tolerance = toleranceLines(settings.exportOversetTolerance, grid.charsPerLine);
    const material = (s: PlacedSlot) => {
      const a = articles.get(s.articleId);
      return a
        ? slotFitKeyMaterial(plan, s.page.label, s.slotId, a.revision, settings.pageGeometry, settings.paperName)
        : null;
    };
    // With a PDF, the gate reads each story's fit from the very layout that is then printed.
    let session: ProofSession | null = null;
    const fits = new Map<string, SlotLineFit>();
    try {
      if (req.formats.includes('pdf')) {
        // The printed proof leaves out the same control characters as every other format (see jobText.ts).
        const opened = await proofStep(async () =>
          deps.printer().open(await renderProofDocument(withoutControlCharacters(job).job)),
        );
        session = opened;
        const measured = await proofStep(() =>
          opened.measure({ tightenLines: tolerance, marks: req.force ? 'overset' : 'none' }),
        );
        const record: { material: string; fit: SlotLineFit }[] = [];
        for (const f of measured) {
          const fit: SlotLineFit = { ...f, measured: true };
          fits.set(slotKey(f.page, f.slotId), fit);
          const placed = slots.find((s) => s.page.label === f.page && s.slotId === f.slotId);
          const m = placed && material(placed);
          if (m) record.push({ material: m, fit });
        }
        await deps.fits.put(record);
      }
      for (const s of slots) {
        if (fits.has(slotKey(s.page.label, s.slotId))) continue;
        const a = articles.get(s.articleId);
        if (!a) continue;
        // Without a PDF nothing is laid out here: a fit measured earlier for this very version, else the estimate.
        const fit =
          (await deps.fits.get(material(s))) ??
          estimateSlotLines(plan, s.page.label, s.slotId, planStoryOf(a).paragraphs, grid);
        fits.set(slotKey(s.page.label, s.slotId), fit);
      }
      const gateSlots: GateSlot[] = slots.map((s) => ({
        page: s.page.label,
        slotId: s.slotId,
        articleId: s.articleId,
        // Without control characters, which its messages would otherwise echo (the package drops them too).
        article: withoutUnsafeText(articles.get(s.articleId) ?? null),
        fit: fits.get(slotKey(s.page.label, s.slotId)),
        conflicts: deps.articles.summary(s.articleId)?.conflicts ?? 0,
      }));
      const suggestionsAsRevisions = suggestionsTravelAsRevisions(req.formats, req.docxTrackedChanges);
      const problems = checkExportGate(gateSlots, tolerance, { suggestionsAsRevisions });
      if (problems.length && !req.force) {
        progress('done', 0, 0, 'refused');
        return { status: 'refused', problems };
      }
      job.problems = problems;
      const printed = session;
      const result = await this.worker.run(job, {
        onProgress: (p) => progress(p.phase, p.done, p.total, p.message),
        printer: printed ? { print: () => printed.print(), engine: () => deps.printer().engine() } : undefined,
      });
      return { status: 'exported', ...result, draft: job.forced, problems };
    } finally {
      await session?.close();
    }
  }
}
