import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

/**
 * A fake hub that speaks like CouchDB 3 about sequences: every `seq` and `last_seq` it sends is
 * an opaque string (`"12-g1AAAA…"`), and `since` must come back as that same string. Everything
 * else is passed to the hub untouched. The hub's own sequence travels inside the string, so this
 * works over the double's numbers and over a real CouchDB's own opaque strings alike.
 */
async function opaqueSeqProxy(target: string): Promise<{ url: string; sinceSeen: string[]; lastSeqSent: string[]; close(): Promise<void> }> {
  const toOpaque = (seq: unknown) =>
    `${String(seq).split('-')[0]}-g1AAAA${Buffer.from(JSON.stringify(seq)).toString('base64url')}`;
  const fromOpaque = (s: string): string => {
    if (s === '0') return s;
    const at = s.indexOf('-g1AAAA');
    if (at < 0) throw new Error(`not one of our sequence ids: ${s}`);
    return String(JSON.parse(Buffer.from(s.slice(at + '-g1AAAA'.length), 'base64url').toString('utf8')));
  };
  const sinceSeen: string[] = [];
  const lastSeqSent: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url!, target);
      const isChanges = url.pathname.endsWith('/_changes');
      try {
        if (isChanges) {
          const since = url.searchParams.get('since') ?? '0';
          sinceSeen.push(since);
          url.searchParams.set('since', fromOpaque(since));
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)),
        ) as Record<string, string>;
        const upstream = await fetch(new URL(url.pathname + url.search, target), {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        });
        let text = await upstream.text();
        if (isChanges && upstream.ok) {
          const feed = JSON.parse(text) as { results: { seq: unknown }[]; last_seq: unknown };
          for (const r of feed.results) r.seq = toOpaque(r.seq);
          feed.last_seq = toOpaque(feed.last_seq);
          lastSeqSent.push(feed.last_seq as string);
          text = JSON.stringify(feed);
        }
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(text);
      } catch (e) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'bad_request', reason: (e as Error).message }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    sinceSeen,
    lastSeqSent,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let hub: StandInHub;
let desks: Desk[] = [];
let proxy: Awaited<ReturnType<typeof opaqueSeqProxy>> | null = null;
afterEach(async () => {
  for (const d of desks) await d.store.cleanup();
  desks = [];
  await proxy?.close();
  await hub?.close();
});

describe('a hub with opaque string sequence ids', () => {
  it('resumes a pull from the string checkpoint it was given, reading only what is new', async () => {
    hub = await startStandInHub();
    proxy = await opaqueSeqProxy(hub.serverUrl);
    const viaProxy = `${proxy.url}${new URL(hub.dbUrl).pathname}`;
    const writer = await openDesk(hub, '写');
    const reader = await openDesk({ ...hub, dbUrl: viaProxy }, '读', { batchSize: 3 });
    desks = [writer, reader];
    for (let i = 0; i < 7; i++) await writer.store.services.articles.create('story', content(`第 ${i} 篇`), '写');
    await writer.replicator.push();
    const first = await reader.replicator.pull();
    const checkpoint = proxy.lastSeqSent.at(-1);
    expect(first.written).toBe(7);
    expect(reader.store.services.articles.count).toBe(7);
    // Every since after the first was a string the hub had sent, passed back untouched.
    expect(proxy.sinceSeen[0]).toBe('0');
    expect(proxy.sinceSeen.slice(1).every((s) => s.includes('-g1AAAA'))).toBe(true);

    for (let i = 7; i < 9; i++) await writer.store.services.articles.create('story', content(`第 ${i} 篇`), '写');
    await writer.replicator.push();
    // A restarted reader (a new replicator) resumes from the stored string checkpoint.
    const restarted = reader.store.services.sync.replicatorFor(viaProxy, null, { batchSize: 3 });
    const before = proxy.sinceSeen.length;
    const second = await restarted.pull();
    expect(second.rows).toBe(2);
    expect(second.fetched).toBe(2);
    // The last sequence the first pull was sent, untouched (the double's is 7; a real CouchDB's number
    // also counts the _security writes on each shard, so it is not the story count there).
    expect(proxy.sinceSeen[before]).toBe(checkpoint);
    if (!process.env.NEWSDESK_TEST_COUCHDB_URL) expect(checkpoint).toMatch(/^7-g1AAAA/);
    expect(reader.store.services.articles.count).toBe(9);
  });
});
