// A save's next version is built without a third parse of the whole story: byte for byte what the parse made.
import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../../shared/ipc/errors';
import { ArticleSchema, emptyContent, type Article, type ArticleContent } from '../../../../shared/model/article';
import { localEdit } from '../../../../electron/services/revisionTree/articleDoc';
import { newArticle, savedVersion } from '../../../../electron/services/store/articleVersions';

const at = new Date('2026-12-01T10:00:00.000Z');
const later = new Date('2026-12-01T11:00:00.000Z');

/** The save path as it was: the merged article parsed whole, then given its revision-tree entry. */
function parsedVersion(current: ReturnType<typeof localEdit>, content: ArticleContent, actor: string) {
  const next = ArticleSchema.parse({
    ...{ ...current, ...content },
    id: current.id,
    revision: current.revision + 1,
    createdAt: current.createdAt,
    createdBy: current.createdBy,
    updatedAt: later.toISOString(),
    updatedBy: actor,
  } satisfies Article);
  return localEdit(current, next);
}

describe('the version a save makes', () => {
  const first = localEdit(null, newArticle('story', { headline: '原标题', deskNote: '备注' }, '记者', at));
  const contents: [string, ArticleContent][] = [
    [
      'a new headline and body',
      { ...emptyContent(), headline: '新标题', body: [{ type: 'paragraph', children: [{ text: '正文' }] }] },
    ],
    [
      'suggestions and comments the stored story did not have yet',
      {
        ...emptyContent(),
        headline: '标题',
        body: [{ type: 'paragraph', children: [{ text: '改', ins: 'c1' }] }],
        changes: [{ id: 'c1', kind: 'insert', author: '编辑', role: 'copy-editor', at: at.toISOString() }],
        comments: [],
      },
    ],
  ];
  for (const [what, content] of contents) {
    it(`is the JSON and revision the parse made, for ${what}`, () => {
      const saved = savedVersion(first, 1, content, '编辑', later);
      const parsed = parsedVersion(first, content, '编辑');
      expect(JSON.stringify(saved)).toBe(JSON.stringify(parsed));
      expect(saved._rev).toBe(parsed._rev);
    });
  }

  it('leaves nothing but the article and its revision fields in the file, whatever the caller passed', () => {
    const withExtras = { ...emptyContent(), headline: '标题', stray: 'x', _deleted: true } as unknown as ArticleContent;
    const saved = savedVersion(first, 1, withExtras, '编辑', later);
    expect(saved).not.toHaveProperty('stray');
    expect(saved).not.toHaveProperty('_deleted');
    expect(ArticleSchema.safeParse(saved).success).toBe(true);
  });

  it('refuses a stale base with the newer version', () => {
    const second = savedVersion(first, 1, { ...emptyContent(), headline: '第二版' }, '甲', later);
    expect(() => savedVersion(second, 1, emptyContent(), '乙', later)).toThrow(NewsdeskError);
    try {
      savedVersion(second, 1, emptyContent(), '乙', later);
    } catch (e) {
      expect((e as NewsdeskError).code).toBe('conflict');
    }
  });
});
