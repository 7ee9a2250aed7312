/**
 * Why a pulled revision failed our schema, as data a screen can put in its reader's words: which
 * field (a path) and what is wrong with it (a kind), not zod's English sentence.
 */
import { z } from 'zod';

export const SCHEMA_PROBLEM_KINDS = [
  'missing',
  'wrong_type',
  'bad_value',
  'too_long',
  'too_short',
  'bad_format',
  'unknown_field',
  'id_mismatch',
  'other',
] as const;
export type SchemaProblemKind = (typeof SCHEMA_PROBLEM_KINDS)[number];

export const SchemaProblemSchema = z.object({
  /** Field names and list positions from the document's top, e.g. ['body', 2, 'children']. */
  path: z.array(z.union([z.string(), z.number()])),
  kind: z.enum(SCHEMA_PROBLEM_KINDS),
  /** What was expected, when zod says (a type name, the allowed values), in schema terms. */
  expected: z.string().optional(),
});
export type SchemaProblem = z.infer<typeof SchemaProblemSchema>;

/** At most this many problems are kept per revision: enough to act on, short enough to show. */
export const MAX_SCHEMA_PROBLEMS = 5;

/** The value at `path` in `input` (zod leaves it out of its issues unless asked). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let at = input;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function kindOf(issue: z.core.$ZodIssue, input: unknown): Pick<SchemaProblem, 'kind' | 'expected'> {
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { kind: 'missing', expected: issue.expected }
        : { kind: 'wrong_type', expected: issue.expected };
    case 'invalid_value': {
      const expected = issue.values.map((v) => String(v)).join(' | ');
      // An enum field that is absent is reported as a wrong value; say it is missing.
      return { kind: valueAt(input, issue.path) === undefined ? 'missing' : 'bad_value', expected };
    }
    case 'too_big':
      return { kind: 'too_long', expected: String(issue.maximum) };
    case 'too_small':
      return { kind: 'too_short', expected: String(issue.minimum) };
    case 'invalid_format':
      return { kind: 'bad_format' };
    case 'unrecognized_keys':
      return { kind: 'unknown_field', expected: issue.keys.join(', ') };
    default:
      return { kind: 'other' };
  }
}

/** The first problems of a failed parse of `input`, in order. */
export function schemaProblemsOf(error: z.ZodError, input: unknown): SchemaProblem[] {
  return error.issues.slice(0, MAX_SCHEMA_PROBLEMS).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    ...kindOf(issue, input),
  }));
}

/** One line for logs and the CLI (which speak Chinese, as every main-side message does). */
export function schemaProblemLine(problems: readonly SchemaProblem[]): string {
  const WORDS: Record<SchemaProblemKind, string> = {
    missing: '缺少',
    wrong_type: '类型不对',
    bad_value: '取值不在允许范围内',
    too_long: '过长',
    too_short: '过短',
    bad_format: '格式不对',
    unknown_field: '有未知字段',
    id_mismatch: '与文档编号不符',
    other: '不符合要求',
  };
  return problems
    .map((p) => `${p.path.join('.') || '(文档)'}: ${WORDS[p.kind]}${p.expected ? `（应为 ${p.expected}）` : ''}`)
    .join('；');
}
