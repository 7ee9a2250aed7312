import { describe, expect, it } from 'vitest';
import { paragraph } from '../../../shared/model/document';
import type { Article } from '../../../shared/model/article';
import type { ArticleStatus, UserRole } from '../../../shared/model/status';
import { allowedTransitions, checkTransition, mayEditText, settleEdit } from '../../../shared/rules/workflow';
import { workflowArticle as article } from '../../fixtures/workflowArticle';

describe('workflow moves by role', () => {
  it.each<[ArticleStatus, ArticleStatus | 'restored', UserRole, boolean]>([
    ['draft', 'submitted', 'reporter', true],
    ['draft', 'submitted', 'layout', false],
    ['submitted', 'edited', 'copy-editor', true],
    ['submitted', 'edited', 'reporter', false],
    ['submitted', 'draft', 'copy-editor', true],
    ['edited', 'approved', 'chief-editor', true],
    ['edited', 'approved', 'copy-editor', false],
    ['edited', 'draft', 'chief-editor', true],
    ['approved', 'placed', 'layout', true],
    ['approved', 'placed', 'reporter', false],
    ['draft', 'approved', 'chief-editor', false],
    ['draft', 'spiked', 'reporter', true],
    ['edited', 'spiked', 'reporter', false],
    ['edited', 'spiked', 'copy-editor', true],
    ['spiked', 'restored', 'copy-editor', true],
    ['draft', 'restored', 'copy-editor', false],
  ])('%s → %s by %s: %s', (from, to, role, ok) => {
    expect(checkTransition(article(from), to, role, '甲').ok).toBe(ok);
  });

  it('refuses submitting without a headline, body, or byline/source, and says which', () => {
    const r1 = checkTransition(article('draft', { headline: ' ' }), 'submitted', 'reporter', '甲');
    expect(r1).toMatchObject({ ok: false, reason: expect.stringContaining('主题') });
    const r2 = checkTransition(article('draft', { body: [paragraph('  ')] }), 'submitted', 'reporter', '甲');
    expect(r2).toMatchObject({ ok: false, reason: expect.stringContaining('正文') });
    const r3 = checkTransition(article('draft', { bylines: [] }), 'submitted', 'reporter', '甲');
    expect(r3).toMatchObject({ ok: false, reason: expect.stringContaining('署名') });
    expect(checkTransition(article('draft', { bylines: [], source: '新华社' }), 'submitted', 'reporter', '甲').ok).toBe(
      true,
    );
  });

  it('refuses approving while a photo has no credit', () => {
    const body = [
      paragraph('正文。'),
      {
        type: 'photo' as const,
        asset: null,
        caption: '说明',
        credit: null,
        children: [{ text: '' as const }] as [{ text: '' }],
      },
    ];
    const verdict = checkTransition(article('edited', { body }), 'approved', 'chief-editor', '甲');
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('图片没有署名') });
  });

  it('refuses submitting when one person is both reporter and correspondent', () => {
    const a = article('draft', { correspondents: [{ name: '甲' }] });
    expect(checkTransition(a, 'submitted', 'reporter', '甲')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('同时署名为记者和通讯员'),
    });
  });

  it('lets a notice through without a byline', () => {
    expect(checkTransition(article('draft', { kind: 'notice', bylines: [] }), 'submitted', 'reporter', '甲').ok).toBe(
      true,
    );
  });

  it('offers each role only its own moves', () => {
    expect(allowedTransitions(article('submitted'), 'copy-editor', '乙').sort()).toEqual(['draft', 'edited']);
    expect(allowedTransitions(article('submitted'), 'reporter', '甲')).toEqual([]);
  });
});

describe('approval means what it says (the app’s side of the hub’s table)', () => {
  const cut = (a: Article): Article => ({ ...a, body: [paragraph('正文')] });
  it.each<[ArticleStatus, UserRole, ArticleStatus]>([
    ['placed', 'layout', 'edited'],
    ['approved', 'layout', 'edited'],
    ['approved', 'copy-editor', 'edited'],
    ['placed', 'copy-editor', 'edited'],
    ['placed', 'chief-editor', 'placed'],
    ['approved', 'chief-editor', 'approved'],
    ['edited', 'copy-editor', 'edited'],
    ['submitted', 'copy-editor', 'submitted'],
  ])('a text change to a %s story by %s leaves it %s', (status, role, after) => {
    const before = article(status, {
      placement: status === 'placed' ? { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 } : null,
    });
    const settled = settleEdit(before, cut(before), role);
    expect(settled.status).toBe(after);
    expect(settled.placement).toEqual(before.placement);
  });

  it('leaves a signed-off story signed off when only its placement, desk note or comments change', () => {
    const before = article('approved');
    expect(settleEdit(before, { ...before, deskNote: '版面：A1 头条' }, 'layout').status).toBe('approved');
    // The editor writes an empty change list where the stored story kept none: no text changed.
    const commented = { ...before, changes: [], comments: [] };
    expect(settleEdit(before, commented, 'copy-editor').status).toBe('approved');
  });

  it.each<[ArticleStatus, UserRole, string, boolean]>([
    ['draft', 'reporter', '甲', true],
    ['draft', 'reporter', '乙', false],
    ['submitted', 'reporter', '甲', false],
    ['approved', 'reporter', '甲', false],
    ['draft', 'copy-editor', '乙', true],
    ['submitted', 'layout', '乙', false],
    ['placed', 'layout', '乙', true],
    ['placed', 'chief-editor', '乙', true],
  ])('the text of a %s story written by 甲 is editable by %s %s: %s', (status, role, name, ok) => {
    expect(mayEditText(article(status), role, name)).toBe(ok);
  });

  it('a reporter submits only her own draft; the copy desk sends on only copy it imported', () => {
    expect(checkTransition(article('draft'), 'submitted', 'reporter', '乙')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('只能移交自己的稿件'),
    });
    expect(checkTransition(article('draft', { createdBy: '编辑乙' }), 'submitted', 'copy-editor', '编辑乙').ok).toBe(
      true,
    );
    expect(checkTransition(article('draft'), 'submitted', 'copy-editor', '编辑乙').ok).toBe(false);
    expect(allowedTransitions(article('draft', { createdBy: '编辑乙' }), 'copy-editor', '编辑乙')).toEqual([
      'submitted',
    ]);
    expect(allowedTransitions(article('draft'), 'copy-editor', '编辑乙')).toEqual([]);
    expect(allowedTransitions(article('draft'), 'reporter', '乙')).toEqual([]);
  });
});
