// 留痕 on a photo's caption and credit, through the shipped headless editor: suggestions like every other field's.
import { HistoryEditor } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { editCaptionAt, editCreditAt } from '../../../../renderer/editor/fields/photoFields';
import { headlessStoryEditor } from '../../../../renderer/editor/headlessEditor';
import { resolveChange } from '../../../../renderer/editor/suggestions/review';
import { sessionOf } from '../../../../renderer/editor/suggestions/session';
import type { PhotoElement, StoryDocument } from '../../../../shared/model/document';
import { DocumentSchema } from '../../../../shared/model/document';
import { changeList } from '../../../../shared/rules/suggestions/changeList';
import { pruneChanges, suggestionIds } from '../../../../shared/rules/suggestions/changeTable';
import { acceptAll, rejectAll } from '../../../../shared/rules/suggestions/resolveSuggestions';

const PHOTO: PhotoElement = {
  type: 'photo',
  asset: null,
  caption: '图为株洲大桥通车现场。',
  credit: { kind: 'photographer', role: '记者', name: '刘军' },
  children: [{ text: '' }],
};

function story(suggesting: boolean): StoryEditor {
  let n = 0;
  return headlessStoryEditor([PHOTO, { type: 'paragraph', children: [{ text: '正文。' }] }] as StoryDocument, {
    enabled: suggesting,
    author: '李编辑',
    role: 'copy-editor',
    newId: () => `c${++n}`,
    now: () => '2026-12-07T09:00:00.000Z',
  });
}

const photoOf = (editor: StoryEditor) => editor.children[0] as PhotoElement;
const body = (editor: StoryEditor) => editor.children as StoryDocument;

describe('a photo’s caption and credit in 留痕', () => {
  it('a caption edit is a pending replacement listed with the body’s changes; the caption reads as accepted', () => {
    const editor = story(true);
    // 株洲 → 湘江 typed over (the input's value after the edit, caret after it).
    editCaptionAt(editor, [0], photoOf(editor), '图为湘江大桥通车现场。', 4);
    const photo = photoOf(editor);
    expect(photo.caption).toBe('图为湘江大桥通车现场。');
    expect(photo.tracked?.caption).toEqual([
      { text: '图为' },
      { text: '株洲', del: 'c1' },
      { text: '湘江', ins: 'c1' },
      { text: '大桥通车现场。' },
    ]);
    expect(DocumentSchema.safeParse(body(editor)).success).toBe(true);
    const table = sessionOf(editor)!.table;
    const items = changeList(body(editor), table.values());
    expect(items).toMatchObject([
      { id: 'c1', kind: 'replace', where: 'body', block: 0, removed: '株洲', added: '湘江', author: '李编辑' },
    ]);
    expect(suggestionIds(body(editor)).get('c1')).toBe('replace');
    expect(pruneChanges(table.values(), body(editor)).map((c) => c.id)).toEqual(['c1']);
  });

  it('rejecting gives the caption back; accepting keeps the new words; either leaves nothing pending', () => {
    const rejected = story(true);
    editCaptionAt(rejected, [0], photoOf(rejected), '图为湘江大桥通车现场。', 4);
    resolveChange(rejected, 'c1', 'reject');
    expect(photoOf(rejected).caption).toBe(PHOTO.caption);
    expect(photoOf(rejected).tracked).toBeUndefined();

    const accepted = story(true);
    editCaptionAt(accepted, [0], photoOf(accepted), '图为湘江大桥通车现场。', 4);
    resolveChange(accepted, 'c1', 'accept');
    expect(photoOf(accepted).caption).toBe('图为湘江大桥通车现场。');
    expect(photoOf(accepted).tracked).toBeUndefined();
    expect(suggestionIds(body(accepted)).size).toBe(0);
  });

  it('a changed credit is struck with the new one beside it; reject-all and accept-all read as each side', () => {
    const editor = story(true);
    editCreditAt(editor, [0], photoOf(editor), { kind: 'photographer', role: '记者', name: '王磊' });
    const photo = photoOf(editor);
    expect(photo.credit).toEqual({ kind: 'photographer', role: '记者', name: '王磊' });
    expect(photo.tracked?.credit).toEqual([
      { value: PHOTO.credit, del: 'c1' },
      { value: { kind: 'photographer', role: '记者', name: '王磊' }, ins: 'c1' },
    ]);
    expect(changeList(body(editor), sessionOf(editor)!.table.values())).toMatchObject([
      { id: 'c1', kind: 'replace', removed: '记者 刘军 摄', added: '记者 王磊 摄' },
    ]);
    expect((rejectAll(body(editor))[0] as PhotoElement).credit).toEqual(PHOTO.credit);
    expect((acceptAll(body(editor))[0] as PhotoElement).credit).toMatchObject({ name: '王磊' });
  });

  it('outside 留痕 the caption changes for real; undo takes a tracked edit back', () => {
    const plain = story(false);
    editCaptionAt(plain, [0], photoOf(plain), '图为大桥通车现场。');
    expect(photoOf(plain)).toMatchObject({ caption: '图为大桥通车现场。' });
    expect(photoOf(plain).tracked).toBeUndefined();

    const editor = story(true);
    editCaptionAt(editor, [0], photoOf(editor), '图为湘江大桥通车现场。', 4);
    HistoryEditor.undo(editor);
    expect(photoOf(editor).caption).toBe(PHOTO.caption);
    expect(photoOf(editor).tracked).toBeUndefined();
  });
});
