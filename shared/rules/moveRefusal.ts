/**
 * Why a workflow move was refused, as data: every missing item at once, statuses and roles as codes the
 * UI puts into its own language. It crosses the contract on the `forbidden` error (shared/ipc/errors).
 */
import { z } from 'zod';
import type { Article } from '../model/article';
import { blockText } from '../model/document';
import { RoleSchema, StatusSchema, type ArticleStatus, type UserRole } from '../model/status';
import { CREDIT_PROBLEM_CODES, creditCheck } from './creditCheck';

/** One thing a story lacks before it may enter a status. */
export const MissingItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('headline') }),
  z.object({ kind: z.literal('body') }),
  z.object({
    kind: z.literal('credit'),
    code: z.enum(CREDIT_PROBLEM_CODES),
    /** Body block index, for a photo's credit. */
    block: z.number().int().min(0).optional(),
    name: z.string().optional(),
    role: z.string().optional(),
  }),
]);
export type MissingItem = z.infer<typeof MissingItemSchema>;

export const MoveRefusalSchema = z.discriminatedUnion('kind', [
  /** The story lacks content the status needs: all of it is listed. */
  z.object({ kind: z.literal('missing'), to: StatusSchema, items: z.array(MissingItemSchema).min(1) }),
  /** The workflow has no such step (draft straight to approved). */
  z.object({ kind: z.literal('not_in_workflow'), from: StatusSchema, to: StatusSchema }),
  /** The step exists but this role does not take it. */
  z.object({ kind: z.literal('role'), role: RoleSchema, from: StatusSchema, to: StatusSchema }),
  /** The role takes this step only for its own stories, and this one is someone else's. */
  z.object({ kind: z.literal('not_own'), role: RoleSchema, owner: z.string() }),
  /** This role may not spike (or restore) the story from where it is. */
  z.object({ kind: z.literal('spike'), role: RoleSchema, restore: z.boolean() }),
  z.object({ kind: z.literal('not_spiked') }),
  z.object({ kind: z.literal('already_spiked') }),
  /** Approving a story with live sync conflicts. */
  z.object({ kind: z.literal('sync_conflict') }),
]);
export type MoveRefusal = z.infer<typeof MoveRefusalSchema>;

function hasBody(a: Article): boolean {
  return a.body.some((b) => b.type !== 'photo' && blockText(b).trim() !== '');
}

/** Everything the story lacks before it may enter `to`, in the order an editor would fix it. */
export function missingItems(a: Article, to: ArticleStatus): MissingItem[] {
  const gated = to === 'submitted' || to === 'edited' || to === 'approved';
  const needsPhotoCredits = to === 'approved' || to === 'placed';
  const items: MissingItem[] = [];
  if (gated && !a.headline.trim()) items.push({ kind: 'headline' });
  if (gated && !hasBody(a)) items.push({ kind: 'body' });
  for (const p of creditCheck(a)) {
    // A role outside the paper's list (见习记者 kept as printed) is the lint's finding for the editor, not a refusal.
    if (p.code === 'unknown_credit_role') continue;
    if (!(p.code === 'photo_without_credit' ? needsPhotoCredits : gated)) continue;
    items.push({
      kind: 'credit',
      code: p.code,
      ...(p.block !== undefined ? { block: p.block } : {}),
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.role !== undefined ? { role: p.role } : {}),
    });
  }
  return items;
}

// The Chinese words below are for messages that leave the UI (the CLI, logs, the hub's refusals); the
// renderer words a refusal from its structure through renderer/i18n.
export const STATUS_ZH: Record<ArticleStatus, string> = {
  draft: '草稿',
  submitted: '已交稿',
  edited: '已编辑',
  approved: '已签发',
  placed: '已上版',
  spiked: '已撤稿',
};
export const ROLE_ZH: Record<UserRole, string> = {
  reporter: '记者',
  'copy-editor': '编辑',
  'chief-editor': '值班总编',
  layout: '版面编辑',
};

export function missingItemZh(item: MissingItem): string {
  if (item.kind === 'headline') return '缺少主题（标题）';
  if (item.kind === 'body') return '缺少正文';
  switch (item.code) {
    case 'no_byline_or_source':
      return '缺少署名或稿源';
    case 'photo_without_credit':
      return `第${(item.block ?? 0) + 1}段的图片没有署名`;
    case 'reporter_is_correspondent':
      return `“${item.name ?? ''}”同时署名为记者和通讯员`;
    case 'unknown_credit_role':
      return `署名身份“${item.role ?? ''}”不在本报使用的身份之列`;
  }
}

/** The refusal in Chinese, naming every missing item: main's message text for callers without the UI's words. */
export function moveRefusalZh(r: MoveRefusal): string {
  switch (r.kind) {
    case 'missing':
      return `不能改为「${STATUS_ZH[r.to]}」：${r.items.map(missingItemZh).join('；')}`;
    case 'not_in_workflow':
      return `稿件不能从「${STATUS_ZH[r.from]}」直接变为「${STATUS_ZH[r.to]}」`;
    case 'role':
      return `${ROLE_ZH[r.role]}无权把稿件从「${STATUS_ZH[r.from]}」改为「${STATUS_ZH[r.to]}」`;
    case 'not_own':
      return `${ROLE_ZH[r.role]}只能移交自己的稿件（此稿由 ${r.owner} 所写）`;
    case 'spike':
      return `${ROLE_ZH[r.role]}不能${r.restore ? '恢复' : '撤稿'}此稿`;
    case 'not_spiked':
      return '稿件未被撤稿，无需恢复';
    case 'already_spiked':
      return '稿件已撤稿';
    case 'sync_conflict':
      return '稿件有同步冲突，请先在合并窗口中解决冲突再签发。';
  }
}
