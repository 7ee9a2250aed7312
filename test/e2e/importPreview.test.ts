/**
 * The import dialog (issue 22, findings 3 and 9): copy already imported this week is flagged 疑似重复 before
 * it is imported again; a [图片：…] line shows as a photo; a reporter's role the paper does not list is
 * shown as printed and marked; the imported story's byline editor keeps that role.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { gotoDesk } from './helpers/story';

const FIXTURE = join(import.meta.dirname, '..', '..', 'assets', 'sample', '05-university-cooperation.txt');

describe('the import preview', () => {
  let app: E2eApp;
  let copy: string;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'copy-editor', userName: '编辑乙' });
    copy = await readFile(FIXTURE, 'utf8');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('flags copy imported before as 疑似重复, before importing it again', async () => {
    const { page } = app;
    const first = await app.services.articles.create('story', { headline: '推动校地合作结出丰硕成果' }, '编辑乙');
    const r = await (await import('../../electron/usecases/copyImport')).importCopy(app.services, copy, '编辑甲');
    await gotoDesk(page);
    await page.click('[data-testid="import-copy"]');
    await page.fill('[data-testid="import-copy-text"]', copy);
    const flag = page.locator('[data-testid="copy-preview-duplicate"]');
    await flag.waitFor();
    expect(await flag.textContent()).toContain('疑似重复');
    expect(await flag.textContent()).toContain('编辑甲');
    expect(await page.getAttribute('[data-testid="copy-preview-duplicate-item"]', 'data-id')).toBe(r.id);
    // A story with the headline but another body is no duplicate.
    expect(await page.locator(`[data-testid="copy-preview-duplicate-item"][data-id="${first.id}"]`).count()).toBe(0);
    await page.screenshot({ path: '/tmp/import-preview-duplicate.png' });
  });

  it('shows a [图片：…] line as a photo, and 见习记者 as printed, marked as not on the paper’s list', async () => {
    const { page } = app;
    const lines = copy.replace('全媒体记者/陈正明', '见习记者/李想').split('\n');
    const lead = lines.findIndex((l) => l.startsWith('株洲日报('));
    const text = [...lines.slice(0, lead + 1), '[图片：校地合作座谈会现场]', ...lines.slice(lead + 1)].join('\n');
    await page.fill('[data-testid="import-copy-text"]', text);
    await expect.poll(() => page.textContent('[data-testid="copy-preview-photos"]')).toContain('校地合作座谈会现场');
    await expect.poll(() => page.getAttribute('[data-testid="copy-preview-byline"]', 'data-role')).toBe('见习记者');
    expect(await page.textContent('[data-testid="copy-preview-reporters"]')).toContain('见习记者李想');
    expect(await page.locator('[data-testid="copy-preview-role-unlisted"]').count()).toBe(1);
    // The same story re-sent with another byline and a photo is still the one imported above.
    expect(await page.locator('[data-testid="copy-preview-duplicate"]').count()).toBe(1);
    await page.screenshot({ path: '/tmp/import-preview-photo-role.png' });

    await page.click('[data-testid="import-copy-submit"]');
    await page.waitForSelector('[data-testid="story-screen"] [data-testid="story-body"][contenteditable="true"]');
    expect(await page.inputValue('[data-testid="byline-role"]')).toBe('见习记者');
    expect(await page.inputValue('[data-testid="byline-name"]')).toBe('李想');
    await page.screenshot({ path: '/tmp/import-story-unlisted-role.png' });
  });
});
