/**
 * `store.access` tells a window at start-up whether its process may save: the owner writes; a process
 * that found the store owned by another it cannot reach reads only, says why, and refuses every save
 * with the typed `read_only` error (the full-disk start is proven on a real full disk in diskFull.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRuntime, type Runtime } from '../../../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../../../electron/services/settingsService';
import { emptyContent } from '../../../shared/model/article';

const open = (dataDir: string) =>
  openRuntime({
    dataDir,
    settings: new SettingsService(memorySettingsBackend({ userName: 't' })),
    version: 'test',
  });

describe('store.access', () => {
  const opened: Runtime[] = [];
  let dir = '';
  afterEach(async () => {
    for (const r of opened.reverse()) await r.close();
    opened.length = 0;
    await rm(dir, { recursive: true, force: true });
  });

  it('the owner may write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-access-'));
    const owner = await open(dir);
    opened.push(owner);
    expect(await owner.client.call('store.access', {})).toEqual({ ok: true, value: { mode: 'writable' } });
  });

  it('a second process that cannot reach the owner reads only, says why, and refuses saves as read_only', async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsdesk-access-'));
    const owner = await open(dir);
    opened.push(owner);
    const story = await owner.client.call('articles.create', { kind: 'story', content: { headline: '原稿' } });
    if (!story.ok) throw new Error(story.error.message);
    // The owner publishes no endpoint (no host), so the second process cannot forward to it.
    const second = await open(dir);
    opened.push(second);
    expect(second.access.mode).toBe('read-only');
    const access = await second.client.call('store.access', {});
    expect(access).toEqual({
      ok: true,
      value: { mode: 'read-only', code: 'read_only', message: expect.stringContaining('只能读取') },
    });
    const save = await second.client.call('articles.save', {
      id: story.value.id,
      baseRevision: 1,
      content: { ...emptyContent(), headline: '改稿' },
    });
    expect(save).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await second.client.call('articles.get', { id: story.value.id })).toMatchObject({
      ok: true,
      value: { headline: '原稿', revision: 1 },
    });
  });
});
