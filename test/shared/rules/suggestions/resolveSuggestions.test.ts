// Accept, reject, the accepted text and the export gate's pending list, case by case.
import { describe, expect, it } from 'vitest';
import type { StoryDocument } from '../../../../shared/model/document';
import type { ChangeRecord } from '../../../../shared/model/suggestions';
import { countBody } from '../../../../shared/rules/charCount';
import { acceptedDocument, hasSuggestions } from '../../../../shared/rules/suggestions/acceptedText';
import { openComments, pendingSuggestions, pruneChanges } from '../../../../shared/rules/suggestions/changeTable';
import { changeList } from '../../../../shared/rules/suggestions/changeList';
import { acceptAll, rejectAll, resolveMany, resolveOne } from '../../../../shared/rules/suggestions/resolveSuggestions';

const p = (...children: Array<{ text: string; ins?: string; del?: string; bold?: true }>) => ({
  type: 'paragraph' as const,
  children,
});
const text = (body: StoryDocument) =>
  body.map((b) => (b.type === 'photo' ? '' : b.children.map((l) => l.text).join('')));

const BODY: StoryDocument = [
  p({ text: '甲' }, { text: '乙', ins: 'i1' }, { text: '丙', del: 'd1' }, { text: '丁', ins: 'i1', del: 'd2' }),
  { ...p({ text: '戊' }), split: 's1' },
  { ...p({ text: '己' }), join: 'j1' },
];

describe('resolving suggestions', () => {
  const cases: Array<[string, (b: StoryDocument) => StoryDocument, string[]]> = [
    ['accept all: insertions stay, deletions go, split kept, join merges', acceptAll, ['甲乙', '戊己']],
    ['reject all: insertions go, deletions stay, split merges, join kept', rejectAll, ['甲丙戊', '己']],
    [
      'accept one insertion: its text stays even where someone deleted it',
      (b) => resolveOne(b, 'i1', 'accept'),
      ['甲乙丙丁', '戊', '己'],
    ],
    ['reject one insertion: its text goes, deleted or not', (b) => resolveOne(b, 'i1', 'reject'), ['甲丙', '戊', '己']],
    [
      'accept one deletion of another person\u2019s insertion',
      (b) => resolveOne(b, 'd2', 'accept'),
      ['甲乙丙', '戊', '己'],
    ],
    ['reject a split: the paragraphs join again', (b) => resolveOne(b, 's1', 'reject'), ['甲乙丙丁戊', '己']],
    ['accept a join: the paragraphs become one', (b) => resolveOne(b, 'j1', 'accept'), ['甲乙丙丁', '戊己']],
    ['accept several ids at once', (b) => resolveMany(b, new Set(['d1', 'j1']), 'accept'), ['甲乙丁', '戊己']],
  ];
  it.each(cases)('%s', (_name, resolve, expected) => {
    expect(text(resolve(BODY))).toEqual(expected);
  });

  it('keeps untouched blocks as the same objects, so the editor replaces only what changed', () => {
    const body: StoryDocument = [p({ text: '不变' }), p({ text: '改', ins: 'x' })];
    const out = resolveOne(body, 'x', 'accept');
    expect(out[0]).toBe(body[0]);
    expect(out[1]).not.toBe(body[1]);
    expect(acceptedDocument([p({ text: '净' })])).toHaveLength(1);
  });

  it('merges neighbouring leaves that end up with the same marks and keeps one empty leaf', () => {
    expect(acceptAll([p({ text: 'a' }, { text: 'b', ins: 'x' }, { text: 'c' })])).toEqual([p({ text: 'abc' })]);
    expect(rejectAll([p({ text: 'x', ins: 'x', bold: true })])).toEqual([p({ text: '' })]);
  });
});

describe('the accepted text for counts and checks', () => {
  it('字数 leaves out struck words and counts suggested insertions', () => {
    expect(countBody(BODY)).toBe(4);
    expect(countBody(acceptAll(BODY))).toBe(4);
    expect(hasSuggestions(BODY)).toBe(true);
    expect(hasSuggestions(acceptAll(BODY))).toBe(false);
  });
});

describe('the change table and the export gate', () => {
  const changes: ChangeRecord[] = [
    { id: 'i1', kind: 'insert', author: '李编辑', role: 'copy-editor', at: '2026-12-01T10:00:00Z' },
    { id: 'gone', kind: 'insert', author: '李编辑', role: 'copy-editor', at: '2026-12-01T10:00:00Z' },
  ];
  it('pendingSuggestions lists every id in the body, with its row or as unknown', () => {
    const pending = pendingSuggestions({ body: BODY, changes });
    expect(pending.map((x) => x.id).sort()).toEqual(['d1', 'd2', 'i1', 'j1', 's1']);
    expect(pending.find((x) => x.id === 'i1')).toMatchObject({ author: '李编辑', kind: 'insert' });
    expect(pending.find((x) => x.id === 'd1')).toMatchObject({ author: null, kind: 'delete' });
    expect(pendingSuggestions({ body: acceptAll(BODY), changes })).toEqual([]);
    expect(pendingSuggestions({ body: [p({ text: '旧稿' })] })).toEqual([]);
  });
  it('pruneChanges drops rows whose ids left the body', () => {
    expect(pruneChanges(changes, BODY).map((c) => c.id)).toEqual(['i1']);
  });
  it('openComments counts unresolved threads only', () => {
    const thread = { id: 'k', author: 'a', role: 'reporter' as const, at: '', text: 't', quote: 'q', replies: [] };
    expect(
      openComments({
        comments: [
          { ...thread, resolved: false },
          { ...thread, id: 'k2', resolved: true },
        ],
      }),
    ).toHaveLength(1);
    expect(openComments({})).toEqual([]);
  });
  it('the review list shows each change once, in body order, with its words', () => {
    const list = changeList(BODY, changes);
    expect(list.map((i) => [i.id, i.kind, i.text])).toEqual([
      // 乙 and 丁 are not side by side (丙 is between them).
      ['i1', 'insert', '乙…丁'],
      ['d1', 'delete', '丙'],
      ['d2', 'delete', '丁'],
      ['s1', 'split', '¶'],
      ['j1', 'join', '¶'],
    ]);
  });

  it('the change list leaves out ids on empty text and marks pieces of one change in different paragraphs as apart', () => {
    const body: StoryDocument = [
      p({ text: '今年', del: 'd' }, { text: '2026年', ins: 'i' }, { text: '全市' }),
      p({ text: '', ins: 'ghost' }),
      p({ text: '负责人表示，' }, { text: '将坚持原则。', ins: 'i' }),
    ];
    expect(changeList(body, []).map((c) => [c.id, c.text])).toEqual([
      ['d', '今年'],
      ['i', '2026年…将坚持原则。'],
    ]);
  });
});
