// A refused move carries every missing item as data across the contract, and its Chinese text names them all.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { paragraph } from '../../../shared/model/document';
import type { ArticleStatus } from '../../../shared/model/status';
import { IpcErrorSchema } from '../../../shared/ipc/errors';
import { missingItems, moveRefusalZh } from '../../../shared/rules/moveRefusal';
import { checkTransition } from '../../../shared/rules/workflow';
import { workflowArticle as article } from '../../fixtures/workflowArticle';

const photo = {
  type: 'photo' as const,
  asset: null,
  caption: '说明',
  credit: null,
  children: [{ text: '' as const }] as [{ text: '' }],
};

describe('a refused move names every missing item', () => {
  it('a draft with no headline, no body and no byline is refused for all three, not the first only', () => {
    const verdict = checkTransition(
      article('draft', { headline: '', body: [paragraph(' ')], bylines: [] }),
      'submitted',
      'reporter',
      '甲',
    );
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.refusal).toEqual({
      kind: 'missing',
      to: 'submitted',
      items: [{ kind: 'headline' }, { kind: 'body' }, { kind: 'credit', code: 'no_byline_or_source' }],
    });
    for (const word of ['主题', '正文', '署名或稿源']) expect(verdict.reason).toContain(word);
  });

  it('approving lists each uncredited photo and the doubled credit, by block and name', () => {
    const a = article('edited', {
      body: [paragraph('正文。'), photo, paragraph('再一段。'), photo],
      correspondents: [{ name: '甲' }],
    });
    expect(missingItems(a, 'approved')).toEqual([
      { kind: 'credit', code: 'reporter_is_correspondent', name: '甲' },
      { kind: 'credit', code: 'photo_without_credit', block: 1 },
      { kind: 'credit', code: 'photo_without_credit', block: 3 },
    ]);
  });

  it.each<[string, Article, ArticleStatus | 'restored', Parameters<typeof checkTransition>[2], string]>([
    ['no such step', article('draft'), 'approved', 'chief-editor', '稿件不能从「草稿」直接变为「已签发」'],
    ['not this role', article('draft'), 'submitted', 'layout', '版面编辑无权把稿件从「草稿」改为「已交稿」'],
    ['spike', article('edited'), 'spiked', 'reporter', '记者不能撤稿此稿'],
    ['restore a live story', article('draft'), 'restored', 'copy-editor', '稿件未被撤稿，无需恢复'],
  ])('%s: statuses in Chinese words, never codes', (_name, a, to, role, words) => {
    const verdict = checkTransition(a, to, role, '甲');
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.reason).toBe(words);
    expect(verdict.reason).not.toMatch(/[a-z]/);
    expect(moveRefusalZh(verdict.refusal)).toBe(words);
  });

  it('the refusal crosses the contract typed: the error schema keeps it and refuses a made-up kind', () => {
    const verdict = checkTransition(article('draft', { headline: '', bylines: [] }), 'submitted', 'reporter', '甲');
    if (verdict.ok) throw new Error('expected a refusal');
    const wire = JSON.parse(JSON.stringify({ code: 'forbidden', message: verdict.reason, refusal: verdict.refusal }));
    expect(IpcErrorSchema.parse(wire).refusal).toEqual(verdict.refusal);
    expect(IpcErrorSchema.safeParse({ code: 'forbidden', message: '', refusal: { kind: 'vibes' } }).success).toBe(
      false,
    );
  });
});
