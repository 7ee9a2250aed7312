// Photos: the header is decoded before a file is accepted, with a pixel limit.
import { describe, expect, it } from 'vitest';
import { checkImageHeader, MAX_PIXELS } from '../../../electron/services/assetStore';
import { openTempStore } from './tempStore';

function png(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16);
  ihdr.writeUInt8(2, 17);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(16)]);
}

describe('the photo header check', () => {
  it.each([
    ['a normal photo', png(4000, 3000), null],
    ['a header claiming more pixels than the limit', png(20_000, 20_000), /超过上限/],
    [
      'a PNG signature with a garbage header',
      Buffer.concat([png(1, 1).subarray(0, 8), Buffer.from('garbage!garbage!garbage!')]),
      /无法解析/,
    ],
    ['zero width', png(0, 10), /无法解析/],
  ])('%s', (_what, bytes, refusal) => {
    const check = () => checkImageHeader('x.png', bytes, 'png');
    if (refusal) expect(check).toThrow(refusal);
    else expect(check).not.toThrow();
  });

  it('keeps the limit at 100 megapixels', () => {
    expect(MAX_PIXELS).toBe(100_000_000);
  });

  it('assets.import refuses an over-large header with a typed error', async () => {
    const store = await openTempStore();
    try {
      const r = await store.dispatch('assets.import', {
        fileName: 'huge.png',
        dataBase64: png(30_000, 30_000).toString('base64'),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    } finally {
      await store.cleanup();
    }
  });
});
