import { afterEach, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
let desk: Desk | null = null;
afterEach(async () => {
  await desk?.store.cleanup();
  desk = null;
  await hub?.close();
});

describe('a story over the hub’s document size limit', () => {
  it('is refused with a clear message, the local copy is kept and the other stories still go', async () => {
    hub = await startStandInHub('newsroom', { impl: 'pouchdb-server' });
    // The stand-in applies CouchDB's max_document_size to each request body.
    await hub.config('couchdb', 'max_document_size', '40000');
    desk = await openDesk(hub, '甲');
    const articles = desk.store.services.articles;
    const small = await articles.create('story', content('短稿'), '甲');
    const huge = await articles.create('story', content('长稿', '很长的正文。'.repeat(20_000)), '甲');
    const result = await desk.replicator.push();
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]!.id).toBe(huge.id);
    expect(result.refused[0]!.reason).toContain('超过中心库的单篇大小上限');
    expect((await articles.get(huge.id)).body).toEqual(huge.body);
    expect((await hub.local.get(small.id)).headline).toBe('短稿');
    await expect(hub.local.get(huge.id)).rejects.toMatchObject({ status: 404 });
    const status = await desk.replicator.status();
    expect(status.state).toBe('refused');
    expect(status.message).toContain('超过中心库的单篇大小上限');
  });
});
