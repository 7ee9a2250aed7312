/** With a hub account, the desk is who the hub says: settings show the hub's name and role read-only. */
import { afterAll, describe, expect, it } from 'vitest';
import { startTrustHub, type TrustHub } from '../electron/services/sync/couchDouble/trustHub';
import { startE2eApp, type E2eApp } from './harness';

describe('the role comes from the hub', () => {
  let hub: TrustHub;
  let app: E2eApp;
  afterAll(async () => {
    await app?.close();
    await hub?.close();
    delete process.env.NEWSDESK_HUB_PASSWORD;
  });

  it('shows the hub account’s name and role, read-only, whatever was picked in settings', async () => {
    hub = await startTrustHub();
    const ruth = await hub.addUser('ruth', 'reporter');
    // The browser host reads the hub password from the environment, as the CLI does.
    process.env.NEWSDESK_HUB_PASSWORD = ruth.password;
    app = await startE2eApp({ userName: '自称总编', role: 'chief-editor', hubUrl: hub.dbUrl, hubUser: 'ruth' });
    await expect.poll(() => app.services.settings.get().hubIdentity?.role, { timeout: 15_000 }).toBe('reporter');
    await app.reopen();
    await app.page.click('[data-testid="open-settings"]');
    const name = app.page.locator('[data-testid="settings-username"]');
    const role = app.page.locator('[data-testid="settings-role"]');
    await expect.poll(() => name.inputValue()).toBe('ruth');
    expect(await name.getAttribute('readonly')).not.toBeNull();
    expect(await role.inputValue()).toBe('reporter');
    expect(await role.isDisabled()).toBe(true);
    await app.page.screenshot({ path: '/tmp/newsdesk-hub-identity-settings.png' });
  });
});
