import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore | undefined;
afterEach(async () => {
  await store?.cleanup();
  store = undefined;
});

const FIXTURE = join(import.meta.dirname, '..', '..', '..', 'assets', 'sample', '01-industrial-internet.txt');

describe('importing many raw-copy files', () => {
  it('reports progress per file and a cancel leaves only whole stories', async () => {
    store = await openTempStore();
    const text = await readFile(FIXTURE, 'utf8');
    const files = Array.from({ length: 120 }, (_, i) => ({ name: `f${i}.txt`, text }));
    const seen: number[] = [];
    store.onEvent((e) => {
      if (e.event !== 'import.progress' || e.batchId !== 'b1') return;
      seen.push(e.done);
      if (e.done === 1) void store!.client.call('copy.importCancel', { batchId: 'b1' });
    });
    const r = await store.client.call('copy.importMany', { batchId: 'b1', files });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cancelled).toBe(true);
    expect(r.value.ids.length).toBeGreaterThan(0);
    expect(r.value.ids.length).toBeLessThan(files.length);
    expect(seen).toEqual(r.value.ids.map((_, i) => i + 1));
    expect(store.services.articles.count).toBe(r.value.ids.length);
    for (const id of r.value.ids) expect((await store.services.articles.get(id)).body.length).toBeGreaterThan(1);
    expect(await store.client.call('copy.importCancel', { batchId: 'b1' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('reports an empty file and imports the others', async () => {
    store = await openTempStore();
    const text = await readFile(FIXTURE, 'utf8');
    const r = await store.client.call('copy.importMany', {
      batchId: 'b2',
      files: [
        { name: 'a.txt', text },
        { name: 'empty.txt', text: '  ' },
      ],
    });
    expect(r).toMatchObject({ ok: true, value: { cancelled: false, failed: [{ name: 'empty.txt' }] } });
    if (r.ok) expect(r.value.ids).toHaveLength(1);
  });
});
