// A photo pulled from the hub meets the same limits as one imported here: a 60,000 × 60,000 PNG
// pushed to the hub (by anyone with write access) is not stored or served; a normal one is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { assetNameFor } from '../../../../electron/services/assetStore';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.store.cleanup();
  await hub?.close();
});

/** A PNG whose header says width × height; the decoder that would try to allocate it is what the limit spares. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function photo(asset: string) {
  return { type: 'photo', asset, caption: '图', credit: { kind: 'supplied', by: '企业' }, children: [{ text: '' }] };
}

describe('photos arriving by sync', () => {
  it('a photo over the pixel limit is not stored; a normal one beside it is', async () => {
    hub = await startStandInHub();
    const writer = await openDesk(hub, '甲');
    const reader = await openDesk(hub, '乙');
    desks.push(writer, reader);
    const story = await writer.store.services.articles.create('story', content('带图稿件'), '甲');
    await writer.replicator.runOnce();

    const small = png(4, 3);
    const huge = png(60_000, 60_000);
    const smallName = assetNameFor(small, 'png');
    const hugeName = assetNameFor(huge, 'png');
    // What a hostile desk (or anyone who can write to the hub) puts there, bypassing its own import.
    const doc = await hub.local.get(story.id);
    const body = (doc as unknown as { body: unknown[] }).body;
    await hub.local.put({
      ...doc,
      body: [...body, photo(smallName), photo(hugeName)],
      _attachments: {
        [smallName]: { content_type: 'image/png', data: small.toString('base64') },
        [hugeName]: { content_type: 'image/png', data: huge.toString('base64') },
      },
    });

    await reader.replicator.pull();
    const assetsDir = join(reader.store.dir, 'assets');
    expect(existsSync(join(assetsDir, smallName))).toBe(true);
    expect(existsSync(join(assetsDir, hugeName))).toBe(false);
    await expect(reader.store.services.assets.read(hugeName)).rejects.toThrow();
  });
});
