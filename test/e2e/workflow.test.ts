/** Workflow moves from the story screen: the server decides, and a refusal says why. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { openStoryWith, paragraphs, stored } from './helpers/story';

const READY = {
  headline: '可以交稿的稿件',
  bylines: [{ role: '记者', name: '张三' }],
  body: paragraphs('正文有内容。'),
};

describe('workflow', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'reporter' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('a move the role may not make is refused with the server reason, and the story stays put', async () => {
    const { page } = app;
    const id = await openStoryWith(app, READY);
    // The role changed behind the page (another window, an admin): the buttons still show the old role's moves.
    app.services.settings.update({ role: 'layout' });
    await page.click('[data-testid="workflow-submitted"]');
    const error = page.locator('[data-testid="workflow-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('版面编辑无权');
    expect((await stored(app, id)).status).toBe('draft');
    expect(await page.textContent('[data-testid="story-status"]')).toBe('草稿');
  });

  it('the right role submits; a copy editor chosen in settings returns it with a note', async () => {
    const { page } = app;
    app.services.settings.update({ role: 'reporter' });
    const id = await openStoryWith(app, READY);
    await page.click('[data-testid="workflow-submitted"]');
    await expect.poll(() => page.textContent('[data-testid="story-status"]')).toBe('已交稿');
    expect((await stored(app, id)).status).toBe('submitted');

    await page.click('[data-testid="open-settings"]');
    await page.selectOption('[data-testid="settings-role"]', 'copy-editor');
    await page.click('[data-testid="settings-save"]');
    await expect.poll(() => page.textContent('[data-testid="current-user"]')).toContain('编辑');
    await page.click('[data-testid="workflow-draft"]');
    await page.fill('[data-testid="return-note"]', '请补充现场采访');
    await page.click('[data-testid="return-confirm"]');
    await expect.poll(() => page.textContent('[data-testid="story-status"]')).toBe('草稿');
    await expect.poll(() => page.inputValue('[data-testid="field-desknote"]')).toContain('请补充现场采访');
    expect((await stored(app, id)).deskNote).toContain('请补充现场采访');
  });

  it('a missing headline is refused with the reason', async () => {
    const { page } = app;
    app.services.settings.update({ role: 'reporter' });
    await openStoryWith(app, { body: paragraphs('只有正文。') });
    await page.click('[data-testid="workflow-submitted"]');
    await page.locator('[data-testid="workflow-error"]').waitFor();
    // Every missing item is named, not only the first: the headline and the byline.
    expect(await page.locator('[data-testid="workflow-missing"] li').allTextContents()).toEqual([
      '主题（标题）',
      '署名或稿源',
    ]);
  });
});
