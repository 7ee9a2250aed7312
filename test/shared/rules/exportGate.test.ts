import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { checkExportGate, suggestionsTravelAsRevisions } from '../../../shared/rules/exportGate';
import { fixtureArticle } from '../../fixtures/pageplan/proofStories';

function approved(article: Article): Article {
  return { ...article, status: 'approved' };
}

function withSuggestion(article: Article): Article {
  const [first, ...rest] = article.body;
  if (!first || first.type === 'photo') throw new Error('fixture starts with a paragraph');
  return {
    ...article,
    body: [{ ...first, children: [...first.children, { text: '新增一句。', ins: 'c1' }] }, ...rest],
    changes: [{ id: 'c1', kind: 'insert', author: '校对甲', role: 'copy-editor', at: '2026-12-01T08:00:00.000Z' }],
  };
}

describe('the export gate and track changes', () => {
  const slot = (article: Article) => ({ page: 'A01', slotId: 'A01-1', articleId: article.id, targetChars: 0, article });

  it('an approved story without suggestions passes', () => {
    const a = approved(fixtureArticle(0, 'a-1'));
    expect(checkExportGate([slot(a)], 20)).toEqual([]);
  });

  it('a story with a pending suggestion is refused, naming it', () => {
    const a = withSuggestion(approved(fixtureArticle(0, 'a-1')));
    const problems = checkExportGate([slot(a)], 20);
    expect(problems.map((p) => p.code)).toEqual(['unresolved_suggestions']);
    expect(problems[0]!.message).toContain('1 处修改建议');
  });

  it('a story still in sync conflict is refused', () => {
    const a = approved(fixtureArticle(0, 'a-1'));
    const problems = checkExportGate([{ ...slot(a), conflicts: 1 }], 20);
    expect(problems.map((p) => p.code)).toEqual(['sync_conflict']);
  });

  it('a DOCX-only export with Word tracked changes lets pending suggestions through, and nothing else', () => {
    const a = withSuggestion({ ...approved(fixtureArticle(0, 'a-1')), status: 'edited' });
    const problems = checkExportGate([slot(a)], 20, { suggestionsAsRevisions: true });
    expect(problems.map((p) => p.code)).toEqual(['not_approved']);
  });

  it.each([
    [['docx'], true, true],
    [['docx'], false, false],
    [['docx', 'nitf'], true, false],
    [['docx', 'json'], true, false],
    [['pdf'], true, false],
    [[], true, false],
  ] as const)('formats %j with tracked changes %s: suggestions travel as revisions = %s', (formats, tracked, want) => {
    expect(suggestionsTravelAsRevisions(formats, tracked)).toBe(want);
  });
});
