/** `newsdesk export DATE --out FILE.zip [--formats …] [--force] [--docx-tracked]`: the issue package, progress on stderr. */
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/export/manifest';
import type { ExportResult } from '../../shared/export/exportRequest';
import type { Runtime } from '../runtime/openRuntime';

export interface ExportArgs {
  date: string | undefined;
  out: string | undefined;
  formats: string | undefined;
  force: boolean;
  /** DOCX with Word tracked changes; alone (no --formats) it means a DOCX-only revisions export. */
  docxTracked?: boolean;
}

export class ExportUsageError extends Error {}

function parseFormats(list: string | undefined): ExportFormat[] {
  if (!list) return [...EXPORT_FORMATS];
  const names = list
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const bad = names.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (bad.length || names.length === 0)
    throw new ExportUsageError(`unknown format ${bad.join(',') || '(none)'}; choose from ${EXPORT_FORMATS.join(',')}`);
  return [...new Set(names)] as ExportFormat[];
}

export async function runExportCommand(args: ExportArgs, runtime: Runtime): Promise<number> {
  if (!args.date || !/^\d{4}-\d{2}-\d{2}$/.test(args.date))
    throw new ExportUsageError('export needs a date YYYY-MM-DD');
  if (!args.out) throw new ExportUsageError('export needs --out FILE.zip');
  const formats = args.docxTracked && !args.formats ? (['docx'] as ExportFormat[]) : parseFormats(args.formats);
  if (args.docxTracked && !formats.includes('docx')) throw new ExportUsageError('--docx-tracked needs the docx format');
  const jobId = `cli-${process.pid}`;
  const stop = runtime.onEvent((e) => {
    if (e.event !== 'export.progress' || e.jobId !== jobId) return;
    const count = e.total ? ` ${e.done}/${e.total}` : '';
    process.stderr.write(`export: ${e.phase}${count}${e.message ? `  ${e.message}` : ''}\n`);
  });
  // Forwarded to the store's owner: its progress events come over a socket that must be open first.
  await runtime.ownerEvents?.();
  try {
    const result = await runtime.dispatch('export.issue', {
      date: args.date,
      out: resolve(args.out),
      formats,
      force: args.force,
      docxTrackedChanges: args.docxTracked ?? false,
      jobId,
    });
    if (!result.ok) {
      process.stderr.write(`newsdesk: ${result.error.code}: ${result.error.message}\n`);
      return 1;
    }
    const value = result.value as ExportResult;
    if (value.status === 'refused') {
      process.stderr.write(`导出被拒绝，共 ${value.problems.length} 个问题（--force 可强制导出为样稿）：\n`);
      for (const p of value.problems) process.stderr.write(`  ${p.code}  ${p.message}\n`);
      return 1;
    }
    for (const p of value.problems) process.stderr.write(`  DRAFT ${p.code}  ${p.message}\n`);
    process.stdout.write(`${value.path}\n`);
    process.stderr.write(
      `export: ${value.files} files, ${value.bytes} bytes${value.warnings ? `, ${value.warnings} warnings (see manifest.json)` : ''}\n`,
    );
    return 0;
  } finally {
    stop();
  }
}
