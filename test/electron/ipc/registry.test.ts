import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/ipc/registry';
import { emptyContent } from '../../../shared/model/article';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

describe('the handler registry', () => {
  it('answers an unknown channel with a typed error, not a crash', async () => {
    store = await openTempStore();
    expect(await store.dispatch('articles.delete-everything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await store.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('names the bad field of a malformed payload and writes nothing', async () => {
    store = await openTempStore();
    const created = await store.dispatch('articles.create', { kind: 'story' });
    expect(created.ok).toBe(true);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const bad = await store.dispatch('articles.save', {
      id,
      baseRevision: 1,
      content: { ...emptyContent(), body: [] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', path: 'content.body' } });
    const after = await store.dispatch('articles.get', { id });
    expect(after).toMatchObject({ ok: true, value: { revision: 1 } });
  });

  it('refuses path-traversal ids before they reach the disk', async () => {
    store = await openTempStore();
    for (const id of ['../../etc/passwd', 'a-..%2f..%2fetc', '..\\..\\boot.ini']) {
      expect(await store.dispatch('articles.get', { id })).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await store.dispatch('issues.get', { id: 'i-2024-01-01/../../x' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('carries the newer article in a conflict error', async () => {
    store = await openTempStore();
    // The desk's own draft (a reporter edits only hers): the conflict is what is tested.
    const a = await store.services.articles.create('story', { headline: '原' }, '测试');
    await store.dispatch('articles.save', {
      id: a.id,
      baseRevision: 1,
      content: { ...emptyContent(), headline: '新' },
    });
    const stale = await store.dispatch('articles.save', {
      id: a.id,
      baseRevision: 1,
      content: { ...emptyContent(), headline: '旧' },
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', currentRevision: 2, current: { headline: '新' } },
    });
  });

  it('turns a full disk into disk_full and a bug into internal, without throwing', async () => {
    const fail = (e: unknown) => async () => {
      throw e;
    };
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    const dispatch = createDispatch({
      'settings.get': fail(full),
      'store.health': fail(new TypeError('x is undefined')),
    } as unknown as Handlers);
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(await dispatch('store.health', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a handler result that breaks the contract', async () => {
    const dispatch = createDispatch({ 'settings.get': async () => ({ userName: 42 }) } as unknown as Handlers);
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
