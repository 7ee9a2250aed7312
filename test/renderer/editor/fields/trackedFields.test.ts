// Units for 留痕 on header fields, credits, replace-all and lint fixes, through the shipped headless editor.
import { Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { editCredits, editTextField, fieldsState } from '../../../../renderer/editor/fields/fieldStore';
import { headlessStoryEditor } from '../../../../renderer/editor/headlessEditor';
import { resolveIds } from '../../../../renderer/editor/suggestions/review';
import { sessionOf } from '../../../../renderer/editor/suggestions/session';
import { collectMatches } from '../../../../renderer/common/find/findMatches';
import { replaceMatches } from '../../../../renderer/common/find/replaceAll';
import { applyLintFixes } from '../../../../renderer/features/copydesk/applyLintFix';
import type { StoryDocument } from '../../../../shared/model/document';
import { lintArticle } from '../../../../shared/rules/punctuation';
import { changeList, groupChanges } from '../../../../shared/rules/suggestions/changeList';
import { pendingSuggestions } from '../../../../shared/rules/suggestions/changeTable';
import { acceptAll } from '../../../../shared/rules/suggestions/resolveSuggestions';
import {
  diffText,
  editItems,
  editRuns,
  liveFields,
  trackedOf,
} from '../../../../shared/rules/suggestions/trackedFields';

const own = (author: string) => ({
  isOwn: (id: string) => id.startsWith(author),
  canExtend: (id: string) => id.startsWith(author),
  record: (() => {
    let n = 0;
    return () => `${author}${++n}`;
  })(),
});

function story(suggesting = true): StoryEditor {
  let n = 0;
  return headlessStoryEditor(
    [
      { type: 'paragraph', children: [{ text: '株洲市今天召开株洲发展大会,会议' }] },
      { type: 'paragraph', children: [{ text: '株洲日报记者报道.' }] },
    ] as StoryDocument,
    {
      enabled: suggesting,
      author: '李编辑',
      role: 'copy-editor',
      newId: () => `c${++n}`,
      now: () => '2026-12-07T09:00:00.000Z',
    },
    {
      kicker: '株洲新闻',
      headline: '两株企获评',
      subheadline: '',
      source: '株洲日报',
      deskNote: '',
      bylines: [{ role: '记者', name: '李想' }],
      correspondents: [],
    },
  );
}

describe('tracked text runs', () => {
  it('a replacement is one change: the old words struck, the new beside them, one id', () => {
    const runs = editRuns([{ text: '两株企获评' }], 1, 2, '家', own('L'));
    expect(runs).toEqual([{ text: '两' }, { text: '株', del: 'L1' }, { text: '家', ins: 'L1' }, { text: '企获评' }]);
  });

  it('typing on from one’s own insertion extends it; deleting it removes it for real', () => {
    const t = own('L');
    let runs = editRuns([{ text: 'ab' }], 1, 1, 'x', t);
    runs = editRuns(runs, 2, 2, 'y', t);
    expect(runs).toEqual([{ text: 'a' }, { text: 'xy', ins: 'L1' }, { text: 'b' }]);
    expect(editRuns(runs, 1, 3, '', t)).toEqual([{ text: 'ab' }]);
  });

  it('the diff of an input uses the caret to place repeated letters', () => {
    expect(diffText('aa', 'aaa', 3)).toEqual({ start: 2, end: 2, text: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ start: 0, end: 0, text: 'a' });
    expect(diffText('两株企获评', '两家企业获评', 4)).toEqual({ start: 1, end: 3, text: '家企业' });
  });

  it('credits: a changed name is struck with the new beside it (one replace), an own added credit changes in place', () => {
    const t = own('L');
    const items = editItems([{ value: { name: '李想' } }], [{ name: '李响' }], t);
    expect(items).toEqual([
      { value: { name: '李想' }, del: 'L1' },
      { value: { name: '李响' }, ins: 'L1' },
    ]);
    const added = editItems(items, [{ name: '李响' }, { name: '' }], t);
    expect(added[2]).toEqual({ value: { name: '' }, ins: 'L2' });
    expect(editItems(added, [{ name: '李响' }, { name: '王' }], t)[2]).toEqual({ value: { name: '王' }, ins: 'L2' });
    expect(editItems(added, [{ name: '李响' }], t)).toHaveLength(2);
  });
});

describe('the story editor in 留痕 mode', () => {
  it('a headline edit is a pending suggestion with author and time, counted with the body’s', () => {
    const editor = story();
    editTextField(editor, 'headline', '两家企业获评', 4);
    const tracked = trackedOf(fieldsState(editor), () => true)!;
    expect(tracked.headline).toBeDefined();
    const pending = pendingSuggestions({
      body: editor.children as StoryDocument,
      changes: [...sessionOf(editor)!.table.values()],
      tracked,
    });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ kind: 'replace', author: '李编辑', at: '2026-12-07T09:00:00.000Z' });
    const [item] = changeList(editor.children as StoryDocument, sessionOf(editor)!.table.values(), tracked);
    expect(item).toMatchObject({ where: 'headline', kind: 'replace', removed: '株企', added: '家企业' });
  });

  it('replace-all across 引题 and body: one suggestion per replacement, one group, one undo step', () => {
    const editor = story();
    const live = liveFields(fieldsState(editor));
    const matches = collectMatches(live, editor.children, '株洲', { ignoreCase: true, ignoreWidth: true });
    expect(matches.map((m) => m.where)).toEqual(['kicker', 'body', 'body', 'body']);
    replaceMatches(editor, matches, '湘潭');
    expect(liveFields(fieldsState(editor)).kicker).toBe('湘潭新闻');
    const tracked = trackedOf(fieldsState(editor), () => true);
    const items = changeList(editor.children as StoryDocument, sessionOf(editor)!.table.values(), tracked);
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.kind === 'replace' && i.removed === '株洲' && i.added === '湘潭')).toBe(true);
    const groups = groupChanges(items);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.items).toHaveLength(4);

    HistoryEditor.undo(editor);
    expect(liveFields(fieldsState(editor)).kicker).toBe('株洲新闻');
    expect(trackedOf(fieldsState(editor), () => true)).toBeUndefined();
    expect(
      (editor.children as StoryDocument).map((b) => (b.type === 'photo' ? '' : b.children.map((l) => l.text).join(''))),
    ).toEqual(['株洲市今天召开株洲发展大会,会议', '株洲日报记者报道.']);
    HistoryEditor.redo(editor);
    expect(liveFields(fieldsState(editor)).kicker).toBe('湘潭新闻');

    resolveIds(editor, new Set(groups[0]!.items.map((i) => i.id)), 'reject');
    expect(liveFields(fieldsState(editor)).kicker).toBe('株洲新闻');
    expect(trackedOf(fieldsState(editor), () => true)).toBeUndefined();
  });

  it('校对 accept-all makes the fixes suggestions, also with other suggestions pending', () => {
    const editor = story();
    Transforms.select(editor, { path: [0, 0], offset: 3 });
    editor.insertText('上午');
    const body = acceptAll(editor.children as StoryDocument);
    const findings = lintArticle({ kicker: '株洲新闻', headline: '两株企获评', subheadline: '', body });
    expect(findings.some((f) => f.fix)).toBe(true);
    const applied = applyLintFixes(editor, findings);
    expect(applied).toBeGreaterThan(0);
    const items = changeList(editor.children as StoryDocument, sessionOf(editor)!.table.values());
    const fixes = items.filter((i) => i.group !== null);
    expect(fixes.length).toBe(applied);
    expect(fixes.every((i) => i.kind === 'replace' || i.kind === 'insert' || i.kind === 'delete')).toBe(true);
    expect(acceptAll(editor.children as StoryDocument)[0]).toMatchObject({
      children: [{ text: '株洲市上午今天召开株洲发展大会，会议' }],
    });
  });

  it('typing over a selection in the body is one replacement', () => {
    const editor = story();
    Transforms.select(editor, { anchor: { path: [1, 0], offset: 0 }, focus: { path: [1, 0], offset: 2 } });
    editor.insertText('湘潭');
    const items = changeList(editor.children as StoryDocument, sessionOf(editor)!.table.values());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'replace', removed: '株洲', added: '湘潭' });
  });

  it('a credit edit is a suggestion; in normal mode it is not', () => {
    const editor = story();
    editCredits(editor, 'bylines', [{ role: '见习记者' as never, name: '李想' }]);
    expect(fieldsState(editor).bylines.map((b) => [b.value.role, b.ins ?? '', b.del ?? ''])).toEqual([
      ['记者', '', 'c1'],
      ['见习记者', 'c1', ''],
    ]);
    const plain = story(false);
    editCredits(plain, 'bylines', []);
    expect(fieldsState(plain).bylines).toEqual([]);
    expect(trackedOf(fieldsState(plain), () => true)).toBeUndefined();
  });
});
