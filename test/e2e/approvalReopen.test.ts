/**
 * Approval means what it says (issue 22, finding 2): layout cuts a sentence from a placed, approved
 * story; the story goes back to 已编辑 with its place kept, the export gate refuses it as not approved,
 * and the chief editor approves it again, which places it again and lets the issue export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContent } from '../fixtures/pageplan/proofStories';
import { startE2eApp, type E2eApp } from './harness';
import { planFromTemplate } from './helpers/deskStories';
import { gotoDesk, selectInBody, stored, storedBodyText, waitForSaved } from './helpers/story';

const DATE = '2026-12-04';

describe('layout cuts a story after approval', () => {
  let app: E2eApp;
  let id: string;
  beforeAll(async () => {
    app = await startE2eApp({ role: 'chief-editor', userName: '王总' });
    const handlers = await planFromTemplate(app, DATE);
    const content = fixtureContent(0, { chars: 300 });
    const a = await app.services.articles.create('story', content, '李想');
    const approved = await app.services.articles.update(a.id, a.revision, '王总', (x) => ({
      ...x,
      status: 'approved',
      firstSubmittedAt: '2026-12-04T08:00:00.000Z',
    }));
    await handlers['pageplan.place']({ articleId: approved.id, date: DATE, page: 'A01', slotId: 'A01-2' });
    id = a.id;
    expect((await stored(app, id)).status).toBe('placed');
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openAs(role: 'layout' | 'chief-editor', userName: string) {
    app.services.settings.update({ role, userName });
    await app.reopen();
    await gotoDesk(app.page);
    await app.page.evaluate((storyId) => {
      location.hash = `#/story/${storyId}`;
    }, id);
    await app.page.waitForSelector(`[data-testid="story-screen"][data-article-id="${id}"] [data-testid="story-body"]`);
  }

  it('layout’s cut takes the story back to 已编辑, keeps its place, and the export gate refuses it', async () => {
    const { page } = app;
    await openAs('layout', '林版');
    await page.waitForSelector('[data-testid="story-body"][contenteditable="true"]');
    expect(await page.textContent('[data-testid="story-status"]')).toBe('已上版');
    expect(await page.textContent('[data-testid="story-signed-off"]')).toContain('须值班总编重新签发');
    await page.screenshot({ path: '/tmp/approval-layout-before-cut.png' });

    const before = await stored(app, id);
    const first = storedBodyText(before)[0]!;
    const sentence = first.slice(0, first.indexOf('。') + 1);
    expect(sentence.length).toBeGreaterThan(1);
    await selectInBody(page, [0, 0], [0, sentence.length]);
    await page.keyboard.press('Delete');
    await waitForSaved(page);

    await expect.poll(() => page.textContent('[data-testid="story-status"]')).toBe('已编辑');
    const after = await stored(app, id);
    expect(after.status).toBe('edited');
    expect(after.placement).toEqual(before.placement);
    expect(storedBodyText(after)[0]).toBe(first.slice(sentence.length));
    // The cut is in the story's history: the approved text is the revision before it.
    const history = await app.services.revisions.list(id);
    expect(history.some((r) => r.revision === before.revision)).toBe(true);
    expect(await page.locator('[data-testid="story-signed-off"]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/approval-layout-after-cut.png' });

    await page.click('[data-testid="back-to-desk"]');
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="fp-meta"]');
    await page.selectOption('[data-testid="fp-date"]', DATE).catch(() => undefined);
    const slot = page.locator('[data-testid="fp-slot"][data-slot="A01-2"]');
    await expect.poll(() => slot.getAttribute('data-article')).toBe(id);
    await slot.locator('[data-testid="problem-not_approved"]').waitFor();
    await page.click('[data-testid="export-start"]');
    const refused = page.locator('[data-testid="export-refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('尚未签发');
    await page.screenshot({ path: '/tmp/approval-export-refused.png' });
  });

  it('the chief editor approves it again: placed again, and the issue exports', async () => {
    const { page } = app;
    await openAs('chief-editor', '王总');
    expect(await page.textContent('[data-testid="story-status"]')).toBe('已编辑');
    await page.click('[data-testid="workflow-approved"]');
    await expect.poll(() => page.textContent('[data-testid="story-status"]')).toBe('已上版');
    const again = await stored(app, id);
    expect(again.status).toBe('placed');
    expect(again.placement).toMatchObject({ issueDate: DATE, page: 'A01', slotId: 'A01-2' });

    await page.click('[data-testid="back-to-desk"]');
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="fp-meta"]');
    await page.selectOption('[data-testid="fp-date"]', DATE).catch(() => undefined);
    const slot = page.locator('[data-testid="fp-slot"][data-slot="A01-2"]');
    await expect.poll(() => slot.getAttribute('data-article')).toBe(id);
    expect(await slot.locator('[data-testid="problem-not_approved"]').count()).toBe(0);
    await page.click('[data-testid="export-start"]');
    await page.locator('[data-testid="export-done"]').waitFor({ timeout: 90_000 });
  });
});
