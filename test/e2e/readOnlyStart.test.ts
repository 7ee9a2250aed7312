/**
 * A window on a store that only reads says so from start-up and keeps every word typed: a 只读 mark and
 * banner in the top bar (owner unreachable; disk full), each save refused with the typed error shown in
 * words, and the text kept in the editor's recovery journal. The full disk is a real one: a 1 MiB tmpfs
 * filled to the last byte (needs root, as CI and the dev machines run; skipped otherwise).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../electron/services/settingsService';
import { paragraph } from '../../shared/model/document';
import { startE2eApp, type E2eApp } from './harness';
import { focusBodyEnd, insertText, openStory } from './helpers/story';

const openStore = (dataDir: string) =>
  openRuntime({ dataDir, settings: new SettingsService(memorySettingsBackend({ userName: '值班' })), version: 'test' });

async function storeWithStory(runtime: Runtime): Promise<string> {
  const r = await runtime.client.call('articles.create', {
    kind: 'story',
    content: { headline: '只读测试稿', body: [paragraph('原有的正文。')] },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

/** Opens the story, types, and checks the save is refused in words while the journal keeps the text. */
async function typeAndExpectRefusal(app: E2eApp, id: string, code: string, words: RegExp): Promise<void> {
  await openStory(app.page, id);
  await focusBodyEnd(app.page);
  await insertText(app, '只读时写下的一句话');
  const refused = app.page.locator('[data-testid="save-error"]');
  await refused.waitFor({ timeout: 15_000 });
  expect(await refused.getAttribute('data-code')).toBe(code);
  expect(await refused.textContent()).toMatch(words);
  await expect
    .poll(() => app.page.evaluate((key) => localStorage.getItem(key) ?? '', `newsdesk.journal.${id}`))
    .toContain('只读时写下的一句话');
  // The banner is still there on the story screen: it lasts as long as the window.
  expect(await app.page.locator('[data-testid="read-only-banner"]').isVisible()).toBe(true);
}

describe('a read-only start', () => {
  it('owner unreachable: the top bar says 只读 and why, saves are refused in words, the journal keeps the text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-e2e-ro-'));
    // This process owns the store but publishes no endpoint: the app's runtime cannot reach it.
    const owner = await openStore(dir);
    let app: E2eApp | undefined;
    try {
      const id = await storeWithStory(owner);
      // A copy desk: the story is someone else's draft, which a reporter's desk would open read-only by rule.
      app = await startE2eApp({ role: 'copy-editor' }, dir);
      const banner = app.page.locator('[data-testid="read-only-banner"]');
      await banner.waitFor();
      expect(await banner.getAttribute('data-code')).toBe('read_only');
      expect(await banner.textContent()).toContain('只读：数据目录正由另一个 Newsdesk 程序使用');
      expect(await app.page.locator('.app-bar [data-testid="read-only-badge"]').textContent()).toBe('只读');
      await app.page.waitForSelector('[data-testid="desk"]');
      await app.page.screenshot({ path: '/tmp/newsdesk-read-only-banner.png' });
      await typeAndExpectRefusal(
        app,
        id,
        'read_only',
        /^未能保存：只读：数据目录正由另一个程序使用。文字仍在编辑器和本机的恢复记录里/,
      );
      await app.page.screenshot({ path: '/tmp/newsdesk-read-only-story.png' });
      expect(await owner.client.call('articles.get', { id })).toMatchObject({ ok: true, value: { revision: 1 } });
    } finally {
      await app?.close();
      await owner.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  const mountPoint = mkdtempSync(join(tmpdir(), 'newsdesk-e2e-full-'));
  let mounted = false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.runIf(mounted)(
    'disk full: the top bar says 只读：磁盘已满, saves are refused in words, nothing is lost',
    async () => {
      const dir = join(mountPoint, 'store');
      const first = await openStore(dir);
      const id = await storeWithStory(first);
      await first.close();
      let i = 0;
      try {
        for (;;) writeFileSync(join(mountPoint, `filler-${i++}`), Buffer.alloc(16 * 1024, 1));
      } catch {
        // ENOSPC: not a byte left.
      }
      const // A copy desk: the story is someone else's draft, which a reporter's desk would open read-only by rule.
      app = await startE2eApp({ role: 'copy-editor' }, dir);
      try {
        const banner = app.page.locator('[data-testid="read-only-banner"]');
        await banner.waitFor();
        expect(await banner.getAttribute('data-code')).toBe('disk_full');
        expect(await banner.textContent()).toContain('只读：磁盘已满');
        await app.page.waitForSelector('[data-testid="desk"]');
        await app.page.screenshot({ path: '/tmp/newsdesk-disk-full-banner.png' });
        await typeAndExpectRefusal(app, id, 'disk_full', /^未能保存：磁盘已满。/);
        expect(await app.services.articles.get(id)).toMatchObject({ revision: 1, headline: '只读测试稿' });
      } finally {
        await app.close();
      }
    },
  );
});
