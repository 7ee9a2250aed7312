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

const LONG = '很长的正文。'.repeat(20_000);

/**
 * The refusal here is the hub's document size limit: the stand-in applies it to each request as
 * CouchDB's max_http_request_size would, and it needs no roles, so every revision the hub accepts
 * is really stored (the stand-in drops replicated revisions under a validate_doc_update).
 */
async function deskWithRefusedStory() {
  // A refusal is provoked through the hub's max_document_size, server config the CouchDB double does not model.
  hub = await startStandInHub('newsroom', { impl: 'pouchdb-server' });
  await hub.config('couchdb', 'max_document_size', '40000');
  desk = await openDesk(hub, '甲');
  const articles = desk.store.services.articles;
  const other = await articles.create('story', content('另一篇'), '甲');
  const story = await articles.create('story', content('短稿'), '甲');
  expect((await desk.replicator.runOnce()).refused).toEqual([]);
  await articles.save(story.id, 1, content('短稿', LONG), '甲');
  const first = await desk.replicator.runOnce();
  expect(first.refused.map((r) => r.id)).toEqual([story.id]);
  return { desk, articles, story, other };
}

describe('a story the hub refused is not forgotten', () => {
  it('stays pending and named on every later sync, by this replicator and by a new process', async () => {
    const { desk, articles, story, other } = await deskWithRefusedStory();
    // Another story changes and goes; the push checkpoint moves, the refusal must not be lost with it.
    await articles.save(other.id, 1, content('另一篇改过'), '甲');
    const second = await desk.replicator.runOnce();
    expect(second.pushed).toBe(1);
    expect(second.refused.map((r) => r.id)).toEqual([story.id]);
    expect(second.refused[0]!.reason).toContain('超过中心库的单篇大小上限');
    expect((await desk.replicator.runOnce()).refused.map((r) => r.id)).toEqual([story.id]);

    // A new replicator (the next `newsdesk sync`, the app started again) still knows.
    const next = desk.store.services.sync.replicatorFor(hub.dbUrl, null);
    const status = await next.status();
    expect(status.refused).toBe(1);
    expect(status.pending).toBe(1);
    expect(status.state).toBe('refused');
    expect(status.message).toContain(story.id);
    expect((await next.runOnce()).refused.map((r) => r.id)).toEqual([story.id]);
    expect((await hub.local.get(story.id)).body).toEqual(content('短稿').body);
  });

  it('is listed with the hub’s reason for the desk and the editor until a change makes it pass', async () => {
    const { desk, articles, story } = await deskWithRefusedStory();
    const sync = desk.store.services.sync;
    await sync.runOnce(hub.dbUrl, null);
    const listed = await desk.store.client.call('sync.problems', {});
    expect(listed.ok && listed.value.refused.map((r) => [r.id, r.error])).toEqual([[story.id, 'too_large']]);
    await articles.save(story.id, 2, content('短稿', '改短了。'), '甲');
    const passed = await sync.runOnce(hub.dbUrl, null);
    expect(passed.refused).toEqual([]);
    expect(passed.pushed).toBe(1);
    const after = await desk.store.client.call('sync.problems', {});
    expect(after.ok && after.value.refused).toEqual([]);
    expect((await hub.local.get(story.id)).body).toEqual(content('短稿', '改短了。').body);
  });

  it('is discarded by a person: the desk takes the hub’s version and the refusal ends', async () => {
    const { desk, articles, story } = await deskWithRefusedStory();
    const sync = desk.store.services.sync;
    await sync.runOnce(hub.dbUrl, null);
    const discarded = await desk.store.client.call('sync.discard', { id: story.id });
    expect(discarded.ok).toBe(true);
    const now = await articles.get(story.id);
    expect(now.body).toEqual(content('短稿').body);
    expect(now.revision).toBe(3);
    // The version given up is still in the story's history.
    const history = await desk.store.client.call('revisions.list', { id: story.id });
    expect(history.ok && history.value.some((r) => r.revision === 2)).toBe(true);
    const again = await sync.runOnce(hub.dbUrl, null);
    expect(again.refused).toEqual([]);
    const stored = await desk.stored(story.id);
    expect(stored._rev).toBe((await hub.local.get(story.id))._rev);
  });
});
