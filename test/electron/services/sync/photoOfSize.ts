/** Photo-sized test images: a real PNG header (what the asset store checks) and incompressible bytes after it. */
import { randomBytes } from 'node:crypto';
import type { PhotoElement } from '../../../../shared/model/document';

export function pngOfSize(bytes: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1600, 0);
  ihdr.writeUInt32BE(1200, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = Buffer.concat([Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), ihdr, Buffer.alloc(4)]);
  const head = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk]);
  return Buffer.concat([head, randomBytes(bytes - head.length)]);
}

export function photoBlock(asset: string): PhotoElement {
  return { type: 'photo', asset, caption: '图片说明', credit: null, children: [{ text: '' }] };
}
