/**
 * A desk signed in to a newsroom hub (the CouchDB double): rita the reporter at the desk, wang the chief
 * editor on the hub beside her, and his deletion of a story as the hub's own client posts it.
 */
import { expect } from 'vitest';
import { HubClient, type HubAuth } from '../../../electron/services/sync/hubClient';
import { revHash } from '../../../electron/services/revisionTree/revTree';
import { startTrustHub, type TrustHub } from '../../electron/services/sync/couchDouble/trustHub';
import { startE2eApp, type E2eApp } from '../harness';

export interface HubDesk {
  hub: TrustHub;
  app: E2eApp;
  rita: HubAuth;
  wang: HubAuth;
}

/** Starts the hub and rita's desk on it, and waits until the desk knows her from the hub. */
export async function startRitaOnHub(): Promise<HubDesk> {
  const hub = await startTrustHub();
  const rita = await hub.addUser('rita', 'reporter');
  const wang = await hub.addUser('wang', 'chief_editor');
  // The browser host reads the hub password from the environment, as the CLI does.
  process.env.NEWSDESK_HUB_PASSWORD = rita.password;
  const app = await startE2eApp({ userName: 'rita', hubUrl: hub.dbUrl, hubUser: 'rita' });
  await expect.poll(() => app.services.settings.get().hubIdentity?.name, { timeout: 15_000 }).toBe('rita');
  return { hub, app, rita, wang };
}

export async function closeHubDesk(desk: Partial<HubDesk> | undefined): Promise<void> {
  await desk?.app?.close();
  await desk?.hub?.close();
  delete process.env.NEWSDESK_HUB_PASSWORD;
}

/** The story as the hub holds it (null: not there yet). */
export function onHub<T extends { _rev: string }>(hub: TrustHub, id: string): Promise<T | null> {
  return hub.admin.db<T>('GET', `/${id}`).catch(() => null);
}

/**
 * The chief editor deletes the story on the hub (a tombstone on its leaf), and the desk's pull brings it:
 * resolves with the deletion's time once the desk no longer lists the story.
 */
export async function deleteOnHub(desk: HubDesk, id: string): Promise<string> {
  const leaf = (await onHub(desk.hub, id))!._rev;
  const hash = revHash(leaf, 'wang', true);
  const pos = Number(leaf.split('-')[0]) + 1;
  const deletedAt = new Date().toISOString();
  expect(
    await new HubClient(desk.hub.dbUrl, desk.wang).bulkDocs([
      {
        _id: id,
        _rev: `${pos}-${hash}`,
        _revisions: { start: pos, ids: [hash, leaf.split('-')[1]!] },
        _deleted: true,
        updatedBy: 'wang',
        updatedAt: deletedAt,
      },
    ]),
  ).toEqual([]);
  await expect.poll(() => desk.app.services.articles.summary(id), { timeout: 15_000 }).toBeNull();
  return deletedAt;
}
