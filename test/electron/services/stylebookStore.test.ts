/**
 * The style book and the per-story check memory as the channels keep them: atomic files in the
 * store that outlive a restart, a typed refusal for bad input, and an event when the book changes.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewsdeskEvent } from '../../../shared/ipc/events';
import type { StylebookEntry } from '../../../shared/model/stylebook';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
});

const ENTRY: StylebookEntry = {
  wrong: '其它',
  right: '其他',
  reason: '本报统一',
  severity: 'must',
  scope: 'substring',
  exceptions: [],
};

describe('the style book in the store', () => {
  it('is saved whole by the chief editor, announced, and still there after a restart', async () => {
    store = await openTempStore({ role: 'chief-editor', userName: '总编' });
    const events: NewsdeskEvent[] = [];
    store.onEvent((e) => events.push(e));
    const saved = await store.client.call('stylebook.save', { entries: [ENTRY], keep: ['鍾漢良'] });
    expect(saved.ok && saved.value).toMatchObject({ entries: [ENTRY], keep: ['鍾漢良'], updatedBy: '总编' });
    expect(events).toContainEqual(expect.objectContaining({ event: 'stylebook.saved', entries: 1, updatedBy: '总编' }));
    // No temp file is left beside it: the write was a rename.
    expect((await readdir(store.dir)).filter((f) => f.startsWith('stylebook'))).toEqual(['stylebook.json']);
    store = await store.reopen();
    const got = await store.client.call('stylebook.get', {});
    expect(got.ok && got.value.entries).toEqual([ENTRY]);
  });

  it('refuses a book with a duplicate wrong form, and a desk that is not the chief editor', async () => {
    store = await openTempStore({ role: 'chief-editor' });
    const dup = await store.client.call('stylebook.save', { entries: [ENTRY, ENTRY], keep: [] });
    expect(dup.ok ? null : dup.error.code).toBe('validation');
    store = await store.reopen();
    await store.client.call('settings.update', { role: 'copy-editor' });
    const refused = await store.client.call('stylebook.save', { entries: [ENTRY], keep: [] });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'forbidden' });
    const got = await store.client.call('stylebook.get', {});
    expect(got.ok && got.value.entries).toEqual([]);
  });
});

describe('what a desk remembers per story', () => {
  it('dismissed findings and kept words outlive a restart, one story at a time', async () => {
    store = await openTempStore();
    const a = await store.services.articles.create('story', { headline: '甲' }, '测试');
    const b = await store.services.articles.create('story', { headline: '乙' }, '测试');
    await store.client.call('lint.dismiss', { id: a.id, key: 'number-form|body|24|x' });
    await store.client.call('lint.keep', { id: a.id, word: '鍾漢良' });
    store = await store.reopen();
    const memory = await store.client.call('lint.memory', { id: a.id });
    expect(memory.ok && memory.value).toEqual({ dismissed: ['number-form|body|24|x'], keep: ['鍾漢良'] });
    const other = await store.client.call('lint.memory', { id: b.id });
    expect(other.ok && other.value).toEqual({ dismissed: [], keep: [] });
    expect(await readdir(join(store.dir, 'lint-memory'))).toEqual([`${a.id}.json`]);
  });
});
