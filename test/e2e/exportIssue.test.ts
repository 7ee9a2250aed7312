/**
 * Exporting the issue from the flatplan, in the browser host as `npm run web` starts it (the installed
 * bundle, its own process): the gate's refusal, forcing a DRAFT, the progress bar and the package with its PDF.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/ipc/handlers';
import { fixtureArticle } from '../fixtures/pageplan/proofStories';
import { openTempStore } from '../electron/services/tempStore';
import { gotoDesk } from './helpers/story';
import { startServedApp, type ServedApp } from './servedApp';

const DATE = '2026-12-02';

describe('export from the flatplan', () => {
  let app: ServedApp;
  let dir: string;
  let dataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-export-'));
    dataDir = join(dir, 'store');
    // The plan and stories are set up in this process, then the store is closed for the served host to own.
    const store = await openTempStore({}, dataDir);
    const handlers = createHandlers(store.services);
    await handlers['pageplan.createIssue']({ date: DATE, template: '4版' });
    const slots = ['A01-2', 'A01-3', 'A02-1'];
    for (const [i, status] of (['approved', 'approved', 'edited'] as const).entries()) {
      const {
        id: _i,
        status: _s,
        revision: _r,
        placement: _p,
        spikedFrom: _f,
        ...rest
      } = fixtureArticle(i, 'a-placeholder', {
        chars: 300,
      });
      const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _v, ...content } = rest;
      const a = await store.services.articles.create('story', content, '记者');
      await store.services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status }));
      const slot = slots[i]!;
      await handlers['pageplan.place']({ articleId: a.id, date: DATE, page: slot.slice(0, 3), slotId: slot });
    }
    await store.close();
    app = await startServedApp(dataDir, join(dir, 'config'), { role: 'layout', userName: '版面编辑' });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused with the problem listed, then forced as a DRAFT with progress shown and the zip written', async () => {
    const { page } = app;
    await gotoDesk(page);
    await page.click('[data-testid="nav-flatplan"]');
    await page.waitForSelector('[data-testid="fp-meta"]');
    await page.click('[data-testid="export-start"]');
    const refused = page.locator('[data-testid="export-refused"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('尚未签发');
    await page.screenshot({ path: '/tmp/export-refused.png' });

    await page.click('[data-testid="export-force"]');
    // The PDF proof takes seconds: the bar shows the phase while it runs.
    await page.locator('[data-testid="export-progress"] progress').waitFor();
    await expect
      .poll(() => page.textContent('[data-testid="export-progress"]'))
      .toMatch(/生成稿件文件|打印版样|写入压缩包|检查稿件/);
    await page.screenshot({ path: '/tmp/export-progress.png' });
    const done = page.locator('[data-testid="export-done"]');
    await done.waitFor({ timeout: 90_000 }).catch((e: unknown) => {
      throw new Error(`${String(e)}\nhost: ${app.stderr()}`);
    });
    const path = join(dataDir, 'exports', `${DATE}.zip`);
    expect(await done.textContent()).toContain(path);
    expect(await done.textContent()).toContain('DRAFT');
    await page.screenshot({ path: '/tmp/export-done.png' });

    expect(existsSync(path)).toBe(true);
    const files = unzipSync(new Uint8Array(await readFile(path)));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      draft: boolean;
      problems: { code: string }[];
      stories: unknown[];
    };
    expect(manifest.draft).toBe(true);
    expect(manifest.problems.map((p) => p.code)).toContain('not_approved');
    expect(manifest.stories).toHaveLength(3);
    const pdf = files[`proofs/${DATE}.pdf`]!;
    expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});
