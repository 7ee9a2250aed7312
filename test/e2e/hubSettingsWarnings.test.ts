/**
 * The hub settings say what is not safe: a plain http:// hub on another machine (the password and
 * stories cross the network in clear), and a saved password that Electron's basic_text fallback
 * does not protect. The secret store is a stand-in reporting `basic-text` (no Electron here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import type { HubSecret } from '../../electron/services/sync/hubSecret';

/** Reports basic_text as Electron's safeStorage does on a Linux desktop without a keyring; keeps nothing. */
const basicTextSecret: HubSecret = { storage: 'basic-text', read: async () => null, write: async () => undefined };

describe('hub settings warnings', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({}, undefined, { hubSecret: basicTextSecret });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('warns of a cleartext hub and of a password the keychain does not protect', async () => {
    const { page } = app;
    await page.click('[data-testid="open-settings"]');
    await page.waitForSelector('[data-testid="hub-password-unprotected"]');
    expect(await page.textContent('[data-testid="hub-password-unprotected"]')).toContain('钥匙串');
    await page.fill('[data-testid="hub-url"]', 'https://hub.example.cn/newsroom');
    expect(await page.locator('[data-testid="hub-cleartext-warning"]').count()).toBe(0);
    await page.fill('[data-testid="hub-url"]', 'http://127.0.0.1:5984/newsroom');
    expect(await page.locator('[data-testid="hub-cleartext-warning"]').count()).toBe(0);
    await page.fill('[data-testid="hub-url"]', 'http://hub.example.cn/newsroom');
    await page.waitForSelector('[data-testid="hub-cleartext-warning"]');
    expect(await page.textContent('[data-testid="hub-cleartext-warning"]')).toContain('明文');
    await page.locator('[data-testid="hub-settings"]').screenshot({ path: '/tmp/newsdesk-hub-warnings.png' });
  });
});
