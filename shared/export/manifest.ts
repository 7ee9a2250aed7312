/** manifest.json: what the package holds, in plan order, with a SHA-256 for every other file. No clock time, so it is reproducible. */
import { formatPhotoCredit } from '../model/people';
import type { GateProblem } from '../rules/exportGate';
import type { ExportIssueInfo, ExportStory } from './exportStory';
import type { ExportWarningDetail } from './exportWarning';

export const EXPORT_FORMATS = ['nitf', 'docx', 'icml', 'txt', 'pdf', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ManifestPage {
  label: string;
  section: string;
  slots: { id: string; targetChars: number; articleId: string | null }[];
}

export interface TextWarning {
  articleId: string;
  message: string;
  /** For the caller's UI; left out of manifest.json so packages stay byte-identical to earlier ones. */
  headline?: string;
  detail?: ExportWarningDetail;
}

export interface ManifestInput {
  issue: ExportIssueInfo;
  pages: ManifestPage[];
  stories: ExportStory[];
  /** Files written per story, by format. */
  storyFiles: Record<string, Partial<Record<ExportFormat, string>>>;
  /** The proof PDF: page n of it is plan page n. */
  proof: string | null;
  /** The browser that printed the proof ("Chromium 147.0.…"): another version may break lines differently. */
  proofEngine?: string | null;
  formats: ExportFormat[];
  /** The DOCX files carry pending suggestions as Word tracked changes. */
  docxTrackedChanges?: boolean;
  forced: boolean;
  problems: GateProblem[];
  warnings: TextWarning[];
  /** path -> SHA-256 hex, in package order. */
  hashes: [string, string][];
  generator: string;
}

export function buildManifest(m: ManifestInput): string {
  const manifest = {
    format: 'newsdesk-issue-package',
    formatVersion: 1,
    generator: m.generator,
    issue: {
      id: m.issue.id,
      date: m.issue.date,
      number: m.issue.number,
      revision: m.issue.revision,
      paper: m.issue.paperName,
    },
    formats: m.formats,
    // Only with a proof, so text-only packages stay byte-identical to earlier ones.
    ...(m.proof && m.proofEngine ? { proofEngine: m.proofEngine } : {}),
    // Only written when on, so packages without it stay byte-identical to earlier ones.
    ...(m.docxTrackedChanges ? { docxTrackedChanges: true } : {}),
    draft: m.forced,
    // The manifest keeps the problem's first five fields, so packages stay byte-identical to earlier ones.
    problems: m.problems.map((p) => ({
      code: p.code,
      page: p.page,
      slotId: p.slotId,
      articleId: p.articleId,
      message: p.message,
    })),
    warnings: m.warnings.map((w) => ({ articleId: w.articleId, message: w.message })),
    pages: m.pages.map((p, i) => ({
      label: p.label,
      section: p.section,
      proof: m.proof ? { file: m.proof, page: i + 1 } : null,
      slots: p.slots.map((s, i) => ({ order: i + 1, id: s.id, targetChars: s.targetChars, articleId: s.articleId })),
    })),
    stories: m.stories.map((s) => ({
      id: s.article.id,
      revision: s.article.revision,
      status: s.article.status,
      page: s.pageLabel,
      slotId: s.slotId,
      kicker: s.article.kicker,
      headline: s.article.headline,
      subheadline: s.article.subheadline,
      files: m.storyFiles[s.article.id] ?? {},
      photos: s.photos.map((p) => ({
        order: p.order,
        file: p.file,
        caption: p.caption,
        credit: p.credit ? formatPhotoCredit(p.credit) : null,
      })),
    })),
    files: Object.fromEntries(m.hashes),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
