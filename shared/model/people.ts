/** People and credits on a story: bylines, correspondents and structured photo credits. */
import { z } from 'zod';

/** Byline roles our paper prints before a reporter's name. */
/**
 * The byline roles the paper prints, offered in the editor. A role the copy prints that is not among
 * them (见习记者) is kept as printed, never mapped to 其他, and flagged by creditCheck (unknown_credit_role).
 * 其他 means the byline prints no role.
 */
export const BYLINE_ROLES = ['全媒体记者', '记者', '特约记者', '实习生', '编译', '其他'] as const;
/** A byline role: one of BYLINE_ROLES, or a role kept as the copy printed it. */
export type BylineRole = string;

const PersonName = z.string().trim().min(1, '姓名不能为空').max(40);

export const BylineSchema = z.object({
  role: z.string().trim().min(1, '署名身份不能为空').max(16),
  name: PersonName,
});
export type Byline = z.infer<typeof BylineSchema>;

export const CorrespondentSchema = z.object({ name: PersonName });
export type Correspondent = z.infer<typeof CorrespondentSchema>;

/**
 * A photo credit, kept structured so credit checks and exports never re-parse prose:
 * "企业供图" / "通讯员供图" is a supplied photo; "全媒体记者 甲 摄" names a photographer.
 */
export const PhotoCreditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('supplied'), by: z.string().trim().min(1).max(60) }),
  z.object({
    kind: z.literal('photographer'),
    role: z.string().trim().max(20),
    name: PersonName,
  }),
]);
export type PhotoCredit = z.infer<typeof PhotoCreditSchema>;

/** The credit as it is printed under the photo. */
export function formatPhotoCredit(credit: PhotoCredit): string {
  if (credit.kind === 'supplied') return `${credit.by}供图`;
  return credit.role ? `${credit.role} ${credit.name} 摄` : `${credit.name} 摄`;
}
