/**
 * The export's gate problems, package warnings and failures in the reader's language, from their data:
 * statuses by their names, what failed, and what to do next.
 */
import type { ExportResult } from '../../shared/export/exportRequest';
import type { ExportWarning } from '../../shared/export/exportWarning';
import type { IpcError } from '../../shared/ipc/errors';
import { errorText } from './errorText';
import type { Translate } from './i18n';

export type GateProblemData = Extract<ExportResult, { status: 'refused' }>['problems'][number];

export function gateProblemText(t: Translate, p: GateProblemData): string {
  const vars = {
    page: p.page,
    slot: p.slotId,
    id: p.articleId,
    headline: p.headline ?? p.articleId,
    status: p.status ? t(`status.${p.status}`) : '',
    photo: p.photo ?? '',
    lines: p.lines ?? '',
    tight: p.tightLines ?? '',
    tolerance: p.toleranceLines ?? '',
    n: p.count ?? '',
  };
  if (p.code === 'overset') {
    const tight = p.lines !== undefined && p.toleranceLines !== undefined && p.lines <= p.toleranceLines;
    return t(
      tight
        ? 'export.problem.overset_tight'
        : p.estimated
          ? 'export.problem.overset_estimated'
          : 'export.problem.overset',
      vars,
    );
  }
  return t(`export.problem.${p.code}`, vars);
}

export function exportWarningText(t: Translate, w: ExportWarning): string {
  const d = w.detail;
  if (!d) return w.message;
  const headline = w.headline || w.articleId;
  switch (d.code) {
    case 'photo_without_file':
      return t('export.warning.photo_without_file', { headline, photo: d.photo });
    case 'name_outside_gbk':
      return t('export.warning.name_outside_gbk', { headline, name: d.name, chars: d.chars.join(' ') });
    case 'control_characters':
      return t('export.warning.control_characters', { headline, count: d.count, codes: d.codePoints.join(' ') });
  }
}

export interface ExportFailureWords {
  /** What failed. */
  what: string;
  /** What to do about it. */
  fix: string;
}

export function exportFailureText(t: Translate, e: IpcError): ExportFailureWords {
  const f = e.exportFailure;
  const fix = e.code === 'disk_full' ? t('export.fix.disk_full') : null;
  if (!f) return { what: t('export.failed.other', { words: errorText(t, e) }), fix: fix ?? t('export.fix.other') };
  const vars = {
    page: f.page ?? '',
    headline: f.headline || f.articleId || '',
    photo: f.photo ?? '',
    file: f.file ?? '',
  };
  return { what: t(`export.failed.${f.step}`, vars), fix: fix ?? t(`export.fix.${f.step}`) };
}
