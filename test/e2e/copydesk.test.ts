/** The copy desk: raw copy imported through the dialog lands as a story, and punctuation fixes go in as one undoable step. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, gotoDesk, openStoryWith, savedBody, stored, waitForSaved } from './helpers/story';

/** Switches 留痕 on or off through the review panel, as a copy editor would. */
async function suggestionMode(page: E2eApp['page'], on: boolean): Promise<void> {
  if ((await page.locator('[data-testid="review-panel"]').count()) === 0)
    await page.click('[data-testid="open-review"]');
  if ((await page.isChecked('[data-testid="suggest-toggle"]')) !== on)
    await page.click('[data-testid="suggest-toggle"]');
}

const FIXTURE = join(import.meta.dirname, '..', '..', 'assets', 'sample', '01-industrial-internet.txt');

describe('copy desk', () => {
  let app: E2eApp;
  let id: string;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'copy-editor' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('pasted copy is previewed as recognised and imported into the editor with headlines and reporter filled', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.click('[data-testid="import-copy"]');
    await page.fill('[data-testid="import-copy-text"]', await readFile(FIXTURE, 'utf8'));

    const headlines = page.locator('[data-testid="copy-preview-headline"]');
    await expect.poll(() => headlines.count(), { timeout: 15_000 }).toBe(2);
    expect(await headlines.allTextContents()).toEqual(['引题两株企获评', '主题国家级工业互联网试点示范']);
    expect(await page.textContent('[data-testid="copy-preview-reporters"]')).toContain('高晓燕');
    expect(await page.textContent('[data-testid="copy-preview-source"]')).toContain('株洲日报');
    expect(await page.textContent('[data-testid="copy-preview-paragraph-count"]')).toBe('5 段');
    await page.screenshot({ path: '/tmp/copydesk-import-dialog.png' });

    await page.click('[data-testid="import-copy-submit"]');
    await page.waitForSelector('[data-testid="story-screen"] [data-testid="story-body"][contenteditable="true"]');
    id = (await page.getAttribute('[data-testid="story-screen"]', 'data-article-id'))!;
    expect(await page.inputValue('[data-testid="field-kicker"]')).toBe('两株企获评');
    expect(await page.inputValue('[data-testid="field-headline"]')).toBe('国家级工业互联网试点示范');
    expect(
      await page
        .locator('[data-testid="byline-name"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toContain('高晓燕');
    const body = await bodyText(page);
    expect(body).toHaveLength(5);
    // The lead's credit (株洲日报(全媒体记者/高晓燕)) went to the fields, not into the first paragraph.
    expect(body[0]!.startsWith('日前,工信部')).toBe(true);
  });

  it('the check panel lists half-width commas; accepting them all fixes the body in one step that Ctrl+Z takes back', async () => {
    const { page } = app;
    // A copy editor starts in 留痕, where fixes become suggestions (trackEverything.test.ts); this is the plain edit.
    await suggestionMode(page, false);
    await page.click('[data-testid="open-lint"]');
    const group = page.locator('[data-testid="lint-group"][data-rule="halfwidth-punctuation"]');
    await group.waitFor();
    const commas = group.locator('[data-testid="lint-item"]', { hasText: '全角逗号' });
    expect(await group.locator('[data-testid="lint-item"]').count()).toBeGreaterThan(10);
    expect(await group.locator('[data-testid="lint-fix"]').first().textContent()).toContain('，');
    expect(await commas.count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/copydesk-lint-panel.png' });

    await group.locator('[data-testid="lint-accept-rule"]').click();
    await expect
      .poll(async () => (await bodyText(page))[0])
      .toMatch(/^日前，工信部公布了2023年工业互联网试点示范名单，/);
    const fixed = await bodyText(page);
    expect(fixed.join('')).not.toContain(',');
    // The panel re-checks after the edit: no half-width findings are left.
    await expect.poll(() => group.count()).toBe(0);
    await waitForSaved(page);
    expect((await stored(app, id)).body.length).toBe(5);

    await page.locator('[data-testid="story-body"]').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await bodyText(page))[0]).toMatch(/^日前,工信部/);
    expect((await bodyText(page)).join('')).toContain(',');
    await expect.poll(() => group.count()).toBe(1);
  });

  it('a fix inside a bold run stays bold; one finding can be accepted alone and another ignored', async () => {
    const { page } = app;
    const boldId = await openStoryWith(app, {
      headline: '株洲,湘潭同时降雨',
      bylines: [{ role: '记者', name: '高晓燕' }],
      body: [
        { type: 'paragraph', children: [{ text: '今天' }, { text: '株洲,湘潭', bold: true }, { text: '下雨,很大!' }] },
      ],
    });
    await suggestionMode(page, false);
    await page.click('[data-testid="open-lint"]');
    const items = page.locator('[data-testid="lint-item"]');
    await expect.poll(() => items.count()).toBe(4);

    // The headline's comma: accepted alone, through the headline field.
    await items.first().locator('[data-testid="lint-accept"]').click();
    await expect.poll(() => page.inputValue('[data-testid="field-headline"]')).toBe('株洲，湘潭同时降雨');
    await expect.poll(() => items.count()).toBe(3);

    // The exclamation mark is left as the reporter wrote it, for this session.
    await items.filter({ hasText: '叹号' }).locator('[data-testid="lint-ignore"]').click();
    await expect.poll(() => items.count()).toBe(2);

    await page.click('[data-testid="lint-accept-rule"]');
    await expect.poll(async () => (await bodyText(page))[0]).toBe('今天株洲，湘潭下雨，很大!');
    const body = await savedBody(app, boldId);
    expect(body[0]!.children).toEqual([{ text: '今天' }, { text: '株洲，湘潭', bold: true }, { text: '下雨，很大!' }]);
    expect(await items.count()).toBe(0);
  });

  it('the desk filter 署名待查 shows only stories whose credits need attention', async () => {
    const { page } = app;
    const unsigned = await app.services.articles.create('story', { headline: '无署名的稿件' }, '测试');
    await app.reopen();
    await gotoDesk(page);
    await page.waitForSelector(`[data-testid="story-row"][data-id="${unsigned.id}"]`);
    expect(await page.locator('[data-testid="story-row"]').count()).toBeGreaterThan(1);
    await page.check('[data-testid="filter-credits"]');
    await expect.poll(() => page.locator('[data-testid="story-row"]').count()).toBe(1);
    expect(await page.getAttribute('[data-testid="story-row"]', 'data-id')).toBe(unsigned.id);
  });

  it('copy holding control characters is previewed without them, says how many, and imports clean', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.click('[data-testid="import-copy"]');
    const copy = (await readFile(FIXTURE, 'utf8'))
      .replace('工信部', '工信\u0001部')
      .replace('试点示范', '试点\u000B示范');
    await page.fill('[data-testid="import-copy-text"]', copy);
    const cleaned = page.locator('[data-testid="copy-preview-cleaned"]');
    await cleaned.waitFor();
    expect(await cleaned.textContent()).toContain('已删除 2 个不可见的控制字符（U+000B U+0001）');
    await page.screenshot({ path: '/tmp/copydesk-cleaned.png' });
    await page.click('[data-testid="import-copy-submit"]');
    await page.waitForSelector('[data-testid="story-screen"] [data-testid="story-body"][contenteditable="true"]');
    const imported = (await page.getAttribute('[data-testid="story-screen"]', 'data-article-id'))!;
    const story = await stored(app, imported);
    expect(story.headline).toBe('国家级工业互联网试点示范');
    expect(JSON.stringify(story.body)).toContain('工信部');
  });
});
