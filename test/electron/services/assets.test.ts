import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

// A real 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('photo assets', () => {
  it('copies an image into the data folder once, named by its content', async () => {
    store = await openTempStore();
    const first = await store.dispatch('assets.import', { fileName: '现场.png', dataBase64: PNG });
    const again = await store.dispatch('assets.import', { fileName: 'copy.png', dataBase64: PNG });
    expect(first).toMatchObject({ ok: true, value: { asset: expect.stringMatching(/^[0-9a-f]{32}\.png$/) } });
    expect(again).toEqual(first);
    expect(await readdir(join(store.dir, 'assets'))).toHaveLength(1);
    const asset = first.ok ? (first.value as { asset: string }).asset : '';
    expect((await store.services.assets.read(asset)).type).toBe('image/png');
  });

  it('refuses a file that is not an image, whatever its name says', async () => {
    store = await openTempStore();
    const fake = Buffer.from('<script>alert(1)</script>').toString('base64');
    const r = await store.dispatch('assets.import', { fileName: 'photo.jpg', dataBase64: fake });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('不是可识别的图片') },
    });
  });

  it('refuses to read an asset name that leaves the folder', async () => {
    store = await openTempStore();
    await expect(store.services.assets.read('../articles/x.json')).rejects.toMatchObject({ code: 'validation' });
  });
});
