/**
 * Why a hub revision was kept aside, in the reader's language: the field by its name on screen and
 * what is wrong with it, made from the problem's data (never from main's or zod's sentence).
 */
import type { SchemaProblem } from '../../shared/rules/sync/schemaProblems';
import { ARTICLE_FIELD_LABELS, BODY_LABEL, PLACEMENT_LABEL } from '../../shared/model/articleFields';
import type { Translate } from './i18n';
import type { MessageKey } from './zh-CN';

/** Top-level fields of a story or a day's plan, by the words screens use for them. */
const FIELD_WORDS: Record<string, MessageKey> = {
  ...ARTICLE_FIELD_LABELS,
  body: BODY_LABEL,
  placement: PLACEMENT_LABEL,
  id: 'sync.field.id',
  status: 'sync.field.status',
  spikedFrom: 'sync.field.spikedFrom',
  createdAt: 'sync.field.createdAt',
  createdBy: 'sync.field.createdBy',
  updatedAt: 'sync.field.updatedAt',
  updatedBy: 'sync.field.updatedBy',
  firstSubmittedAt: 'sync.field.firstSubmittedAt',
  changes: 'sync.field.changes',
  comments: 'sync.field.comments',
  date: 'sync.field.date',
  number: 'sync.field.number',
  pages: 'sync.field.pages',
};

/** The field a path names: its top field in words (a field we do not know keeps its name), and the first list item. */
function fieldText(t: Translate, path: SchemaProblem['path']): string {
  const [top, next] = path;
  if (top === undefined) return t('sync.problem.document');
  const key = typeof top === 'string' && Object.hasOwn(FIELD_WORDS, top) ? FIELD_WORDS[top] : undefined;
  const name = key ? t(key) : String(top);
  return typeof next === 'number' ? t('sync.problem.item', { field: name, n: next + 1 }) : name;
}

export function schemaProblemText(t: Translate, problem: SchemaProblem): string {
  return t(`sync.problem.${problem.kind}`, { field: fieldText(t, problem.path) });
}

/** Every problem of one kept-aside revision, joined; `fallback` (main's line) for ledgers that kept none. */
export function setAsideText(t: Translate, problems: readonly SchemaProblem[] | undefined, fallback: string): string {
  if (!problems || problems.length === 0) return fallback;
  return problems.map((p) => schemaProblemText(t, p)).join(t('sync.problem.join'));
}
