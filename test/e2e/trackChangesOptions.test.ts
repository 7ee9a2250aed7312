/**
 * Track changes (留痕) options: the roles that start in suggestion mode, chosen in settings, and the
 * flatplan's DOCX export with Word tracked changes, which lets pending suggestions through and says so.
 * Also the screenshot of a story full of suggestions and comments.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/suggestions';
import { fixtureContent } from '../fixtures/pageplan/proofStories';
import { startE2eApp, type E2eApp } from './harness';
import { planFromTemplate } from './helpers/deskStories';
import { gotoDesk, openStoryWith, paragraphs } from './helpers/story';

const DATE = '2026-12-03';
const AT = '2026-12-01T09:00:00.000Z';
/** Whether the open story's editor is in suggestion mode (the review panel with its switch opens on demand). */
async function suggesting(app: E2eApp): Promise<boolean> {
  if ((await app.page.locator('[data-testid="review-panel"]').count()) === 0)
    await app.page.click('[data-testid="open-review"]');
  return app.page.isChecked('[data-testid="suggest-toggle"]');
}

const change = (
  id: string,
  kind: ChangeRecord['kind'],
  author: string,
  role: ChangeRecord['role'],
  at = AT,
): ChangeRecord => ({ id, kind, author, role, at });

describe('track changes options', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ userName: '赵记者', role: 'reporter' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('settings choose which roles open stories in suggestion mode', async () => {
    const { page } = app;
    await openStoryWith(app, { body: paragraphs('一二三') });
    expect(await suggesting(app)).toBe(false);

    await page.click('[data-testid="open-settings"]');
    const roles = page.locator('[data-testid="settings-suggest-roles"]');
    await roles.waitFor();
    expect(await page.isChecked('[data-testid="settings-suggest-copy-editor"]')).toBe(true);
    expect(await page.isChecked('[data-testid="settings-suggest-reporter"]')).toBe(false);
    expect(await roles.textContent()).toContain('默认开启留痕的角色');
    await page.check('[data-testid="settings-suggest-reporter"]');
    await page.check('[data-testid="settings-suggest-chief-editor"]');
    await page.uncheck('[data-testid="settings-suggest-copy-editor"]');
    await page.screenshot({ path: '/tmp/settings-suggest-roles.png' });
    await page.click('[data-testid="settings-save"]');
    await page.locator('[data-testid="settings-panel"]').waitFor({ state: 'detached' });
    // Saved in the order ROLES lists them, whatever the clicks' order.
    expect(app.services.settings.get().suggestModeRoles).toEqual(['reporter', 'chief-editor']);

    await openStoryWith(app, { body: paragraphs('四五六') });
    expect(await suggesting(app)).toBe(true);

    await page.click('[data-testid="open-settings"]');
    expect(await page.isChecked('[data-testid="settings-suggest-reporter"]')).toBe(true);
    expect(await page.isChecked('[data-testid="settings-suggest-copy-editor"]')).toBe(false);
    await page.uncheck('[data-testid="settings-suggest-reporter"]');
    await page.click('[data-testid="settings-save"]');
    await page.locator('[data-testid="settings-panel"]').waitFor({ state: 'detached' });
    await openStoryWith(app, { body: paragraphs('七八九') });
    expect(await suggesting(app)).toBe(false);
  });

  it('a story full of suggestions and comments (screenshot)', async () => {
    const { page } = app;
    await openStoryWith(app, {
      headline: '我市启动老旧小区改造三年行动',
      body: [
        {
          type: 'paragraph',
          children: [
            { text: '本报讯 记者从市住建局获悉，' },
            { text: '今年', del: 'd1' },
            { text: '2026年', ins: 'i1' },
            { text: '全市将改造老旧小区', comments: ['k1'] },
            { text: '一百二十个', comments: ['k1'], del: 'd2' },
            { text: '126个', comments: ['k1'], ins: 'i2' },
            { text: '，惠及居民约', comments: [] },
            { text: '三万户', comments: ['k2'] },
            { text: '。' },
          ],
        },
        {
          type: 'paragraph',
          split: 's1',
          children: [
            { text: '改造内容包括加装电梯、管网更新和' },
            { text: '增设', ins: 'i3' },
            { text: '停车位', del: 'd3' },
            { text: '充电桩', ins: 'i3', del: 'd4' },
            { text: '。' },
          ],
        },
        {
          type: 'paragraph',
          join: 'j1',
          children: [{ text: '市住建局有关负责人表示，' }, { text: '将坚持“先民生后提升”的原则。', ins: 'i1' }],
        },
        { type: 'subhead', children: [{ text: '居民全程参与', comments: ['k3'] }] },
        { type: 'paragraph', children: [{ text: '每个小区改造前都将召开居民议事会。' }] },
      ],
      changes: [
        change('d1', 'delete', '李编辑', 'copy-editor'),
        change('i1', 'insert', '李编辑', 'copy-editor'),
        change('d2', 'delete', '王记者', 'reporter'),
        change('i2', 'insert', '王记者', 'reporter'),
        change('s1', 'split', '张总编', 'chief-editor'),
        change('i3', 'insert', '王记者', 'reporter'),
        change('d3', 'delete', '王记者', 'reporter'),
        change('d4', 'delete', '李编辑', 'copy-editor'),
        change('j1', 'join', '张总编', 'chief-editor'),
      ],
      comments: [
        {
          id: 'k1',
          author: '李编辑',
          role: 'copy-editor',
          at: AT,
          text: '数字请与住建局通稿核对',
          quote: '全市将改造老旧小区一百二十个126个',
          resolved: false,
          replies: [{ id: 'r1', author: '王记者', at: AT, text: '已核对，是126个' }],
        },
        {
          id: 'k2',
          author: '张总编',
          role: 'chief-editor',
          at: AT,
          text: '户数来源？',
          quote: '三万户',
          resolved: false,
          replies: [],
        },
        {
          id: 'k3',
          author: '李编辑',
          role: 'copy-editor',
          at: AT,
          text: '小标题可再短',
          quote: '居民全程参与',
          resolved: true,
          replies: [],
        },
        {
          id: 'k4',
          author: '王记者',
          role: 'reporter',
          at: AT,
          text: '这句删了吗？',
          quote: '预计明年底完工',
          resolved: false,
          replies: [],
        },
      ],
    });
    await expect.poll(() => page.locator('[data-testid="change-item"]').count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('[data-testid="comment-thread"]').count()).toBe(4);
    await page.screenshot({ path: '/tmp/story-suggestions-comments.png', fullPage: true });
  });

  it('the flatplan exports DOCX with Word tracked changes despite pending suggestions, and says so', async () => {
    const { page } = app;
    // The story is written and approved at the chief editor's desk (layout edits no draft's text), then layout exports.
    app.services.settings.update({ role: 'chief-editor', userName: '值班总编' });
    const handlers = await planFromTemplate(app, DATE);
    const content = fixtureContent(0, { chars: 300 });
    const first = content.body[0]!;
    if (first.type === 'photo') throw new Error('fixture starts with a paragraph');
    const a = await app.services.articles.create(
      'story',
      {
        ...content,
        body: [
          { ...first, children: [...first.children, { text: '新增一句。', ins: 'c1' }] },
          ...content.body.slice(1),
        ],
        changes: [change('c1', 'insert', '李编辑', 'copy-editor'), change('c2', 'delete', '王记者', 'reporter')],
      },
      '记者',
    );
    // A second person's deletion, then the desk's approval.
    const deleted = await app.services.articles.update(a.id, a.revision, '王记者', (x) => ({
      ...x,
      body: x.body.map((b, i) =>
        i === 0 && b.type !== 'photo'
          ? { ...b, children: [{ ...b.children[0]!, del: 'c2' }, ...b.children.slice(1)] }
          : b,
      ),
    }));
    const withDel = await app.services.articles.update(a.id, deleted.revision, '值班总编', (x) => ({
      ...x,
      status: 'approved',
    }));
    await handlers['pageplan.place']({ articleId: withDel.id, date: DATE, page: 'A01', slotId: 'A01-2' });
    app.services.settings.update({ role: 'layout', userName: '版面编辑' });

    await app.reopen();
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="fp-meta"]');
    await page.selectOption('[data-testid="fp-date"]', DATE).catch(() => undefined);

    // Without the option the gate refuses the pending suggestions.
    await page.click('[data-testid="export-start"]');
    const refused = page.locator('[data-testid="export-refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('修改建议未处理');
    // The export runs in a dialog over the plan: close it to change the option.
    await page.click('[data-testid="export-close"]');
    await page.click('[data-testid="export-docx-tracked"]');
    await refused.waitFor({ state: 'detached' });
    const note = page.locator('[data-testid="export-tracked-note"]');
    expect(await note.textContent()).toContain('Word 修订');
    expect(await page.textContent('[data-testid="export-start"]')).toContain('修订版 DOCX');
    await page.screenshot({ path: '/tmp/export-docx-tracked.png' });

    await page.click('[data-testid="export-start"]');
    const done = page.locator('[data-testid="export-done"]');
    await done.waitFor({ timeout: 60_000 });
    const path = join(app.dataDir, 'exports', `${DATE}-revisions.zip`);
    expect(await done.textContent()).toContain(path);
    expect(await done.textContent()).toContain('修订版 DOCX');
    expect(existsSync(join(app.dataDir, 'exports', `${DATE}.zip`))).toBe(false);
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const docxPath = Object.keys(files).find((f) => f.startsWith('docx/'))!;
    const xml = new TextDecoder().decode(unzipSync(files[docxPath]!)['word/story.xml']);
    expect(xml).toMatch(/<w:ins [^>]*w:author="李编辑" w:date="2026-12-01T09:00:00Z"><w:r><w:t[^>]*>新增一句。/);
    expect(xml).toMatch(/<w:del [^>]*w:author="王记者" w:date="2026-12-01T09:00:00Z"><w:r><w:delText/);
    expect(Object.keys(files).filter((f) => f !== 'manifest.json' && !f.startsWith('docx/'))).toEqual([]);
  });
});
