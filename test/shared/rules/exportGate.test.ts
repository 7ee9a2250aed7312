import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/model/article';
import { checkExportGate, suggestionsTravelAsRevisions } from '../../../shared/rules/exportGate';
import { toleranceLines, type SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
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

describe('the export gate counts lines from the layout', () => {
  const fit = (over: number, extra: Partial<SlotLineFit> = {}): SlotLineFit => ({
    capacityLines: 71,
    usedLines: 71 + over,
    oversetLines: over,
    looseOversetLines: over,
    tightened: false,
    measured: true,
    ...extra,
  });
  const gate = (f: SlotLineFit, tolerance = 1) => {
    const a = { ...approved(fixtureArticle(0, 'a-1')), headline: '某稿' };
    return checkExportGate([{ page: 'A01', slotId: 'A01-1', articleId: a.id, article: a, fit: f }], tolerance);
  };

  it.each([
    ['fits', fit(0), []],
    ['two lines over a one-line tolerance, named with the lines', fit(2), ['A01《某稿》超 2 行（容差 1 行）']],
    ['one line over, set tighter and fitting', fit(0, { looseOversetLines: 1, tightened: true, usedLines: 69 }), []],
    [
      'one line over, still over once set tighter',
      fit(1, { looseOversetLines: 1, tightened: true }),
      ['A01《某稿》超 1 行，紧排后仍超 1 行'],
    ],
    [
      'an estimate over the tolerance, said to be one',
      fit(3, { measured: false }),
      ['A01《某稿》超 3 行（估算）（容差 1 行）'],
    ],
    ['an estimate within the tolerance (nothing is printed from it)', fit(1, { measured: false }), []],
  ] as const)('%s', (_what, f, messages) => {
    expect(gate(f).map((p) => p.message)).toEqual(messages);
  });

  it('converts the 字 tolerance of the settings to whole lines', () => {
    expect([toleranceLines(20, 12), toleranceLines(11, 12), toleranceLines(36, 12)]).toEqual([1, 0, 3]);
  });
});
