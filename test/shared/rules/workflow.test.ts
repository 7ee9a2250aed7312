import { describe, expect, it } from 'vitest';
import { emptyContent, type Article } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import type { ArticleStatus, UserRole } from '../../../shared/model/status';
import { allowedTransitions, checkTransition } from '../../../shared/rules/workflow';

function article(status: ArticleStatus, patch: Partial<Article> = {}): Article {
  return {
    ...emptyContent(),
    headline: '标题',
    body: [paragraph('正文。')],
    bylines: [{ role: '记者', name: '甲' }],
    id: 'a-test0001',
    status,
    spikedFrom: null,
    revision: 1,
    createdAt: '',
    createdBy: '甲',
    updatedAt: '',
    updatedBy: '',
    placement: null,
    ...patch,
  };
}

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
    expect(r1).toEqual({ ok: false, reason: expect.stringContaining('主题') });
    const r2 = checkTransition(article('draft', { body: [paragraph('  ')] }), 'submitted', 'reporter', '甲');
    expect(r2).toEqual({ ok: false, reason: expect.stringContaining('正文') });
    const r3 = checkTransition(article('draft', { bylines: [] }), 'submitted', 'reporter', '甲');
    expect(r3).toEqual({ ok: false, reason: expect.stringContaining('署名') });
    expect(checkTransition(article('draft', { bylines: [], source: '新华社' }), 'submitted', 'reporter', '甲').ok).toBe(true);
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
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining('图片没有署名') });
  });

  it('refuses submitting when one person is both reporter and correspondent', () => {
    const a = article('draft', { correspondents: [{ name: '甲' }] });
    expect(checkTransition(a, 'submitted', 'reporter', '甲')).toEqual({
      ok: false,
      reason: expect.stringContaining('同时署名为记者和通讯员'),
    });
  });

  it('lets a notice through without a byline', () => {
    expect(checkTransition(article('draft', { kind: 'notice', bylines: [] }), 'submitted', 'reporter', '甲').ok).toBe(true);
  });

  it('offers each role only its own moves', () => {
    expect(allowedTransitions(article('submitted'), 'copy-editor', '乙').sort()).toEqual(['draft', 'edited']);
    expect(allowedTransitions(article('submitted'), 'reporter', '甲')).toEqual([]);
  });
});
