/** The export channel's request and result, shared by the contract, the CLI and the flatplan. */
import { z } from 'zod';
import { GATE_PROBLEM_CODES } from '../rules/exportGate';
import { EXPORT_FORMATS } from './manifest';
import { ExportWarningSchema } from './exportWarning';
import { StatusSchema } from '../model/status';

export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

export const ExportRequestSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'),
    formats: z
      .array(ExportFormatSchema)
      .min(1)
      .default([...EXPORT_FORMATS]),
    force: z.boolean().default(false),
    /**
     * DOCX with pending suggestions (留痕) as Word's tracked changes. With DOCX as the only format the
     * gate lets pending suggestions through (they are what this export is for); the default zip is then
     * exports/<date>-revisions.zip so it never replaces the printer's package.
     */
    docxTrackedChanges: z.boolean().default(false),
    /**
     * Absolute path of the zip; empty means exports/<date>.zip in the data folder. A renderer (the
     * app window or the browser page) may only name a file in exports/ (see rendererCallPolicy).
     */
    out: z.string().max(4000).optional(),
    /** Chosen by the caller so it can match progress events to its export. */
    jobId: z.string().min(1).max(64).optional(),
  })
  .strict();

/** The zip's name in exports/ when the caller names none: a revisions export never replaces the printer's package. */
export function defaultExportName(date: string, docxTrackedChanges: boolean): string {
  return docxTrackedChanges ? `${date}-revisions.zip` : `${date}.zip`;
}

export const GateProblemSchema = z.object({
  code: z.enum(GATE_PROBLEM_CODES),
  page: z.string(),
  slotId: z.string(),
  articleId: z.string(),
  message: z.string(),
  headline: z.string().optional(),
  status: StatusSchema.optional(),
  photo: z.number().int().optional(),
  lines: z.number().int().optional(),
  tightLines: z.number().int().optional(),
  toleranceLines: z.number().optional(),
  estimated: z.boolean().optional(),
  count: z.number().int().optional(),
});

export const ExportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('refused'), problems: z.array(GateProblemSchema) }),
  z.object({
    status: z.literal('exported'),
    path: z.string(),
    bytes: z.number().int(),
    files: z.number().int(),
    warnings: z.number().int(),
    /** Each warning with its kind, for the export dialog. */
    warningList: z.array(ExportWarningSchema),
    draft: z.boolean(),
    problems: z.array(GateProblemSchema),
  }),
]);
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const ExportProgressEventSchema = z.object({
  event: z.literal('export.progress'),
  jobId: z.string(),
  date: z.string(),
  phase: z.enum(['gate', 'stories', 'proofs', 'zip', 'done']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  message: z.string(),
});
export type ExportProgressEvent = z.infer<typeof ExportProgressEventSchema>;
