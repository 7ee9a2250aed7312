/**
 * A second `newsdesk serve` forwards its calls to the store's owner; the owner's events (article.saved
 * and the rest) reach the second process's own WebSocket clients too, whoever made the change.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { openRuntime, type Runtime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import { emptyContent } from '../../../shared/model/article';

const open = (dataDir: string) =>
  openRuntime({ dataDir, settings: new SettingsService(memorySettingsBackend({ userName: 't' })), version: 'test' });

/** What `newsdesk serve` does with a runtime: a host whose sockets get the runtime's events. */
async function serve(runtime: Runtime): Promise<RunningHost> {
  const host = await startHost({ dispatch: runtime.dispatch, rendererDir: null });
  runtime.onEvent((event) => host.broadcast(event));
  await runtime.publishEndpoint(host.port, host.token);
  return host;
}

async function socketEvents(host: RunningHost): Promise<{ ws: WebSocket; events: unknown[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers: { authorization: `Bearer ${host.token}` } });
  const events: unknown[] = [];
  ws.on('message', (d) => events.push(JSON.parse(String(d))));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, events };
}

describe("a forwarding process relays the owner's events", () => {
  const cleanup: (() => Promise<unknown> | unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup.length = 0;
  });

  it('a save through either process reaches the second serve’s WebSocket clients as article.saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-relay-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const owner = await open(dir);
    cleanup.push(() => owner.close());
    const ownerHost = await serve(owner);
    cleanup.push(() => ownerHost.close());

    const second = await open(dir);
    cleanup.push(() => second.close());
    expect(second.access.mode).toBe('remote');
    const secondHost = await serve(second);
    cleanup.push(() => secondHost.close());
    expect(await second.ownerEvents?.()).toBe(true);
    const client = await socketEvents(secondHost);
    cleanup.push(() => client.ws.terminate());

    const created = await second.client.call('articles.create', { kind: 'story', content: { headline: '稿' } });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const viaSecond = await second.client.call('articles.save', {
      id,
      baseRevision: 1,
      content: { ...emptyContent(), headline: '第二个进程改的' },
    });
    expect(viaSecond).toMatchObject({ ok: true, value: { revision: 2 } });
    const viaOwner = await owner.client.call('articles.save', {
      id,
      baseRevision: 2,
      content: { ...emptyContent(), headline: '持有者改的' },
    });
    expect(viaOwner).toMatchObject({ ok: true, value: { revision: 3 } });
    await expect
      .poll(() => client.events.filter((e) => (e as { event?: string }).event === 'article.saved'))
      .toEqual([
        expect.objectContaining({ event: 'article.saved', id, revision: 1 }),
        expect.objectContaining({ event: 'article.saved', id, revision: 2 }),
        expect.objectContaining({ event: 'article.saved', id, revision: 3 }),
      ]);
  });

  it('a one-shot command that never listens opens no socket to the owner', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-relay-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const owner = await open(dir);
    cleanup.push(() => owner.close());
    const ownerHost = await serve(owner);
    cleanup.push(() => ownerHost.close());
    // The owner's own serve listens on its bus; the socket count is what other processes opened.
    const second = await open(dir);
    cleanup.push(() => second.close());
    expect(await second.client.call('articles.list', {})).toMatchObject({ ok: true });
    expect(await second.ownerEvents?.()).toBe(false);
  });
});
