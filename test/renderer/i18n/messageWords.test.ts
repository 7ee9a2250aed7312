// Statuses, roles, refusals, gate problems, package warnings and export failures, worded from their data in
// the UI's language: no status code in English inside Chinese, and no Chinese left in the English UI.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/i18n';
import { refusalText } from '../../../renderer/i18n/refusalText';
import { exportFailureText, exportWarningText, gateProblemText } from '../../../renderer/i18n/exportText';
import { zhCN } from '../../../renderer/i18n/zh-CN';
import { checkExportGate } from '../../../shared/rules/exportGate';
import { emptyContent, type Article } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import { STATUSES } from '../../../shared/model/status';
import type { MoveRefusal } from '../../../shared/rules/moveRefusal';

const zh = translator('zh-CN');
const en = translator('en');
const CJK = /[\u3400-\u9fff]/;
const STATUS_CODE = new RegExp(`\\b(${STATUSES.join('|')})\\b`);

const refusals: MoveRefusal[] = [
  {
    kind: 'missing',
    to: 'submitted',
    items: [
      { kind: 'headline' },
      { kind: 'body' },
      { kind: 'credit', code: 'no_byline_or_source' },
      { kind: 'credit', code: 'photo_without_credit', block: 2 },
      { kind: 'credit', code: 'reporter_is_correspondent', name: 'Li' },
      { kind: 'credit', code: 'unknown_credit_role', name: 'Li', role: 'trainee' },
    ],
  },
  { kind: 'not_in_workflow', from: 'draft', to: 'approved' },
  { kind: 'role', role: 'layout', from: 'draft', to: 'submitted' },
  { kind: 'spike', role: 'reporter', restore: false },
  { kind: 'spike', role: 'reporter', restore: true },
  { kind: 'not_spiked' },
  { kind: 'already_spiked' },
  { kind: 'sync_conflict' },
];

describe('message words in the UI language', () => {
  it('a refused move lists every missing item, in Chinese and in English', () => {
    const words = refusalText(zh, refusals[0]!);
    expect(words.summary).toBe('不能改为「已交稿」，还缺 6 项：');
    expect(words.items).toEqual([
      '主题（标题）',
      '正文',
      '署名或稿源',
      '第 3 段图片的署名',
      '“Li”同时署名为记者和通讯员，请删去其一',
      '署名身份“trainee”（Li）不在本报使用的身份之列',
    ]);
    expect(refusalText(en, refusals[0]!).items).toHaveLength(6);
  });

  it.each(refusals.map((r) => [r.kind, r] as const))(
    '%s: no status code in Chinese, no Chinese in English',
    (_k, r) => {
      const z = refusalText(zh, r);
      const e = refusalText(en, r);
      for (const line of [z.summary, ...z.items]) expect(line).not.toMatch(STATUS_CODE);
      for (const line of [e.summary, ...e.items]) expect(line).not.toMatch(CJK);
      expect(e.summary).not.toMatch(/\{\w+\}/);
    },
  );

  it('the gate names a draft as 草稿 (not "draft") and in English as Draft', () => {
    const story: Article = {
      ...emptyContent(),
      headline: '两株企获评',
      body: [paragraph('正文。')],
      id: 'a-gate0001',
      status: 'draft',
      spikedFrom: null,
      revision: 1,
      createdAt: '',
      createdBy: '',
      updatedAt: '',
      updatedBy: '',
      placement: null,
    };
    const [problem] = checkExportGate([{ page: 'A01', slotId: 'A01-1', articleId: story.id, article: story }], 0);
    expect(problem!.message).toBe('A01《两株企获评》尚未签发（草稿）');
    expect(gateProblemText(zh, problem!)).toBe('A01《两株企获评》尚未签发（草稿）');
    expect(gateProblemText(en, problem!)).toBe('A01 "两株企获评" is not approved (Draft)');
  });

  it('a photo without its file is a warning worded for the reader', () => {
    const w = {
      articleId: 'a-1',
      headline: '江边新景',
      message: '第 2 张图片还没有图片文件',
      detail: { code: 'photo_without_file' as const, photo: 2 },
    };
    expect(exportWarningText(zh, w)).toBe('《江边新景》第 2 张图片还没有图片文件：包里只有图说');
    expect(exportWarningText(en, w)).toContain('photo 2 has no image file');
  });

  it('an export failure says what failed and what to do, never only 读写出错', () => {
    const zip = exportFailureText(zh, {
      code: 'io',
      message: '没有权限写入导出文件（EACCES）。',
      exportFailure: { step: 'zip', file: '/data/exports/2026-12-07.zip' },
    });
    expect(zip.what).toBe('导出失败：无法写入导出文件 /data/exports/2026-12-07.zip。');
    expect(zip.fix).toContain('exports 文件夹');
    const full = exportFailureText(zh, {
      code: 'disk_full',
      message: '',
      exportFailure: { step: 'zip', file: 'x.zip' },
    });
    expect(full.fix).toContain('磁盘已满');
    const photo = exportFailureText(en, {
      code: 'io',
      message: '',
      exportFailure: { step: 'photo', articleId: 'a-1', headline: 'Bridge', page: 'A02', photo: 1 },
    });
    expect(photo.what).toBe('Export failed: the file of photo 1 in A02 "Bridge" cannot be read.');
    expect(photo.fix).toContain('insert that photo again');
    const bare = exportFailureText(zh, { code: 'io', message: 'x' });
    expect(bare.what).not.toBe('读写出错');
    expect(bare.fix.length).toBeGreaterThan(0);
  });

  it('every status and role has words in both tables', () => {
    for (const s of STATUSES) {
      expect(zh(`status.${s}`)).toMatch(CJK);
      expect(en(`status.${s}`)).not.toMatch(CJK);
    }
    expect(
      Object.keys(zhCN).filter((k) => /修订|revision/i.test(k) && /第 \{\w+\} 版/.test(zh(k as keyof typeof zhCN))),
    ).toEqual([]);
  });
});

describe('finding counts', () => {
  it('a credit problem counts: never "校对建议 0 条" beside it', async () => {
    const { findingCountText } = await import('../../../renderer/i18n/findingCount');
    expect(findingCountText(zh, { punctuation: 0, credit: 1 })).toBe('1 条（署名 1 · 标点 0）');
    expect(findingCountText(zh, { punctuation: 3, credit: 2 })).toBe('5 条（署名 2 · 标点 3）');
    expect(findingCountText(zh, { punctuation: 4, credit: 0 })).toBe('4 条');
    expect(findingCountText(en, { punctuation: 0, credit: 1 })).toBe('1 (credits 1 · punctuation 0)');
  });
});
