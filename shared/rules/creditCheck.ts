/** Checks a story's credits before it goes to page: every photo credited, someone answerable for the copy, roles the paper prints. */
import type { ArticleContent } from '../model/article';
import { BYLINE_ROLES } from '../model/people';
import { agencyPattern } from './copy/roles';

export const CREDIT_PROBLEM_CODES = [
  'photo_without_credit',
  'no_byline_or_source',
  'reporter_is_correspondent',
  'unknown_credit_role',
] as const;
export type CreditProblemCode = (typeof CREDIT_PROBLEM_CODES)[number];

export interface CreditProblem {
  code: CreditProblemCode;
  /** zh-CN, shown to the editor as is. */
  message: string;
  /** Body block index, for problems with a photo. */
  block?: number;
  name?: string;
  role?: string;
}

export interface CreditCheckOptions {
  /** Roles the paper prints; defaults to the byline roles plus 通讯员 and 摄影记者. */
  knownRoles?: readonly string[];
}

export const DEFAULT_CREDIT_ROLES: readonly string[] = [...BYLINE_ROLES, '通讯员', '特约通讯员', '摄影记者'];

/** 新华社记者 is a known role (记者) behind an agency's name. */
const AGENCY_PREFIX = new RegExp(`^(?:${agencyPattern('')}|本报)`, 'u');

function isKnownRole(role: string, known: readonly string[]): boolean {
  if (known.includes(role)) return true;
  const withoutAgency = role.replace(AGENCY_PREFIX, '');
  return withoutAgency !== role && known.includes(withoutAgency);
}

/** Whether the paper prints this role (DEFAULT_CREDIT_ROLES, or after a newsroom's name); the import preview marks the rest. */
export function isListedCreditRole(role: string, known: readonly string[] = DEFAULT_CREDIT_ROLES): boolean {
  return isKnownRole(role, known);
}

/** Names compare without spaces: 高 晓燕 and 高晓燕 are one person. */
const sameName = (name: string) => name.replace(/\s+/g, '');

export function creditCheck(
  content: Pick<ArticleContent, 'kind' | 'source' | 'bylines' | 'correspondents' | 'body'>,
  opts: CreditCheckOptions = {},
): CreditProblem[] {
  const known = opts.knownRoles ?? DEFAULT_CREDIT_ROLES;
  const problems: CreditProblem[] = [];

  // A notice speaks for the organisation that signs it; it has no reporter.
  if (content.kind !== 'notice' && content.bylines.length === 0 && !content.source.trim()) {
    problems.push({ code: 'no_byline_or_source', message: '稿件既无署名也无来源' });
  }

  const correspondents = new Set(content.correspondents.map((c) => sameName(c.name)));
  const reported = new Set<string>();
  for (const byline of content.bylines) {
    const name = sameName(byline.name);
    if (correspondents.has(name) && !reported.has(name)) {
      reported.add(name);
      problems.push({
        code: 'reporter_is_correspondent',
        message: `“${byline.name}”同时署名为记者和通讯员`,
        name: byline.name,
      });
    }
    if (!isKnownRole(byline.role, known)) {
      problems.push({
        code: 'unknown_credit_role',
        message: `署名身份“${byline.role}”不在本报使用的身份之列`,
        name: byline.name,
        role: byline.role,
      });
    }
  }

  content.body.forEach((block, index) => {
    if (block.type !== 'photo') return;
    if (!block.credit) {
      problems.push({ code: 'photo_without_credit', message: `第${index + 1}段的图片没有署名`, block: index });
      return;
    }
    const { credit } = block;
    // "甲 摄" with no role is a complete credit; only a printed role can be wrong.
    if (credit.kind === 'photographer' && credit.role && !isKnownRole(credit.role, known)) {
      problems.push({
        code: 'unknown_credit_role',
        message: `图片署名身份“${credit.role}”不在本报使用的身份之列`,
        block: index,
        name: credit.name,
        role: credit.role,
      });
    }
  });
  return problems;
}
