/** Builds the issue package (every story's files, photos, proofs, manifest) and writes the zip atomically. */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { zipEntries, type ZipEntry } from '../../../shared/export/fixedZip';
import { buildManifest, type ExportFormat, type TextWarning } from '../../../shared/export/manifest';
import { withoutControlCharacters } from './jobText';
import { writeFileAtomic } from '../atomicFile';
import { toNewsdeskError } from '../fsErrors';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { ExportProgress, PackageJob, PackageResult } from './packageJob';
import { fixPdfIdentity } from './fixPdfIdentity';
import type { PrintedProofs } from './runPackageWorker';
import { storyFiles } from './storyFiles';

export interface BuildPackageHooks {
  onProgress?: (p: ExportProgress) => void;
  /** Prints the proof document (one PDF page per plan page); only called when the job asks for pdf. */
  printProofs?: (job: PackageJob) => Promise<PrintedProofs>;
}

const FOLDER_ORDER = ['nitf', 'docx', 'icml', 'txt', 'json', 'photos', 'proofs'];

function folderRank(path: string): number {
  const i = FOLDER_ORDER.indexOf(path.split('/')[0]!);
  return i < 0 ? FOLDER_ORDER.length : i;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The package's entries in their fixed order (manifest first), without writing anything. */
export async function packageEntries(
  rawJob: PackageJob,
  hooks: BuildPackageHooks = {},
): Promise<{ entries: ZipEntry[]; warnings: TextWarning[] }> {
  const progress = hooks.onProgress ?? (() => undefined);
  const entries: ZipEntry[] = [];
  const storyFileMap: Record<string, Partial<Record<ExportFormat, string>>> = {};
  const { job, warnings } = withoutControlCharacters(rawJob);
  const total = job.stories.length;
  for (const [i, story] of job.stories.entries()) {
    const out = await storyFiles(story, job.issue, job.formats, job.assetsDir, job.docxTrackedChanges);
    entries.push(...out.entries);
    storyFileMap[story.article.id] = out.files;
    for (const w of out.warnings)
      warnings.push({ articleId: story.article.id, headline: story.article.headline, ...w });
    progress({ phase: 'stories', done: i + 1, total, message: story.article.headline });
  }
  let proof: string | null = null;
  let proofEngine: string | null = null;
  if (job.formats.includes('pdf')) {
    if (!hooks.printProofs) throw new Error('no proof printer for the pdf format');
    progress({ phase: 'proofs', done: 0, total: job.pages.length, message: '' });
    const printed = await hooks.printProofs(job);
    proof = `proofs/${job.issue.date}.pdf`;
    proofEngine = printed.engine;
    entries.push({ path: proof, data: await fixPdfIdentity(printed.pdf, job.issue), store: true });
    progress({ phase: 'proofs', done: job.pages.length, total: job.pages.length, message: proof });
  }
  // Stable order: by folder, then in plan order within it (stems start with page and slot).
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .sort((x, y) => folderRank(x.e.path) - folderRank(y.e.path) || x.i - y.i)
    .map((x) => x.e);
  const manifest = buildManifest({
    issue: job.issue,
    pages: job.pages,
    stories: job.stories,
    storyFiles: storyFileMap,
    proof,
    proofEngine,
    formats: job.formats,
    docxTrackedChanges: job.docxTrackedChanges,
    forced: job.forced,
    problems: job.problems,
    warnings,
    hashes: ordered.map((e) => [e.path, sha256(e.data)]),
    generator: job.generator,
  });
  return { entries: [{ path: 'manifest.json', data: new TextEncoder().encode(manifest) }, ...ordered], warnings };
}

export async function buildPackage(job: PackageJob, hooks: BuildPackageHooks = {}): Promise<PackageResult> {
  const { entries, warnings } = await packageEntries(job, hooks);
  hooks.onProgress?.({ phase: 'zip', done: 0, total: 1, message: job.target });
  const zip = zipEntries(entries);
  try {
    await mkdir(dirname(job.target), { recursive: true, mode: 0o700 });
    await writeFileAtomic(job.target, zip);
  } catch (e) {
    const err = toNewsdeskError(e, '导出文件');
    throw new NewsdeskError(err.code, err.message, { ...err.extra, exportFailure: { step: 'zip', file: job.target } });
  }
  const result = {
    path: job.target,
    bytes: zip.byteLength,
    files: entries.length,
    warnings: warnings.length,
    warningList: warnings.map((w) => ({ ...w, headline: w.headline ?? '' })),
  };
  hooks.onProgress?.({ phase: 'done', done: 1, total: 1, message: job.target });
  return result;
}
