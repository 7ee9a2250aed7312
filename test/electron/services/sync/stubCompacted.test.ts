import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { compactDb } from './couchDouble/compactDb';
import { photoBlock, pngOfSize } from './photoOfSize';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

/**
 * An HTTP relay in front of the hub that compacts the hub just before the first `_bulk_docs` it
 * forwards: the photo stubs a desk chose (from an ancestor whose body the hub still had) then name
 * a body the hub no longer has. It keeps each `_bulk_docs` body and the hub's status for it.
 */
async function compactingRelay(hub: StandInHub): Promise<{
  dbUrl: string;
  posts: { body: string; status: number }[];
  close(): Promise<void>;
}> {
  const admin = hub.serverAdmin!;
  const authorization = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const target = new URL(hub.serverUrl);
  const posts: { body: string; status: number }[] = [];
  let compacted = false;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const isBulkDocs = req.method === 'POST' && req.url!.split('?')[0]!.endsWith('/_bulk_docs');
      if (isBulkDocs && !compacted) {
        compacted = true;
        await compactDb(hub.dbUrl, authorization);
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
      ) as Record<string, string>;
      const upstream = await fetch(new URL(req.url!, target), {
        method: req.method,
        headers,
        body: body.length > 0 ? body : undefined,
      });
      const text = await upstream.text();
      if (isBulkDocs) posts.push({ body: body.toString('utf8'), status: upstream.status });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    dbUrl: `http://127.0.0.1:${port}${new URL(hub.dbUrl).pathname}`,
    posts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let hub: StandInHub;
let relay: Awaited<ReturnType<typeof compactingRelay>> | null = null;
const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.store.cleanup();
  await relay?.close();
  relay = null;
  await hub?.close();
});

describe('a photo stub whose ancestor the hub compacted away', () => {
  it('is sent again with its bytes: the hub refuses the stub for the whole request (412), nothing is lost', async () => {
    hub = await startStandInHub();
    const a = await openDesk(hub, '甲');
    const b = await openDesk(hub, '乙');
    desks.push(a, b);
    const { asset } = await a.store.services.assets.importImage('p.png', pngOfSize(20_000).toString('base64'));
    const story = await a.store.services.articles.create(
      'story',
      { ...content('图片稿'), body: [...content('图片稿').body, photoBlock(asset)] },
      '甲',
    );
    await a.replicator.push();
    // Desk B edits the story: the first revision is now an inner one on the hub (its body kept until compaction).
    await b.replicator.pull();
    const onB = await b.store.services.articles.get(story.id);
    await b.store.services.articles.save(story.id, onB.revision, { ...onB, deskNote: '乙的批注' }, '乙');
    await b.replicator.push();

    // Desk A edits offline from the first revision; its push finds that revision's photo on the hub,
    // chooses a stub, and the hub is compacted before the stub arrives.
    const onA = await a.store.services.articles.get(story.id);
    const saved = await a.store.services.articles.save(story.id, onA.revision, { ...onA, deskNote: '甲的批注' }, '甲');
    relay = await compactingRelay(hub);
    const pushed = await a.store.services.sync.replicatorFor(relay.dbUrl, null).push();

    expect(relay.posts[0]!.body).toContain('"stub":true');
    expect(relay.posts[0]!.status).toBe(412);
    expect(relay.posts[1]!.body).not.toContain('"stub":true');
    expect(relay.posts[1]!.status).toBe(201);
    expect(pushed.refused).toEqual([]);
    // The hub holds desk A's revision (a conflict with desk B's) with the photo whole.
    const leafRev = (await a.store.services.articles.getStored(story.id))._rev;
    const admin = hub.serverAdmin!;
    const res = await fetch(`${hub.dbUrl}/${story.id}?rev=${leafRev}&attachments=true`, {
      headers: {
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`,
      },
    });
    const onHub = (await res.json()) as { deskNote: string; _attachments: Record<string, { data: string }> };
    expect(onHub.deskNote).toBe('甲的批注');
    expect(Buffer.from(onHub._attachments[asset]!.data, 'base64').length).toBe(20_000);
    expect(saved.revision).toBeGreaterThan(onA.revision);
  });
});
