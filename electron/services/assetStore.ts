/**
 * Photos copied into the data folder's assets/, named by content hash so the same picture
 * dropped twice is stored once. Only real images are accepted: the bytes are checked,
 * not the file name, so an unreadable or disguised file is refused with a clear error.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { NewsdeskError } from '../../shared/ipc/errors';
import { writeFileAtomic } from './atomicFile';
import { toNewsdeskError } from './fsErrors';
import { resolveInside } from './safePath';

const MAX_BYTES = 50 * 1024 * 1024;
/** 100 megapixels: larger than any press photo; beyond it a decoder's memory use is an attack. */
export const MAX_PIXELS = 100_000_000;

/**
 * Decodes the image header (type, width, height) before the file is accepted: a file whose
 * first bytes look like a picture but whose header does not decode, or that claims more than
 * MAX_PIXELS, is refused.
 */
export function checkImageHeader(fileName: string, bytes: Uint8Array, sniffed: string): void {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new NewsdeskError('validation', `「${fileName}」的图片头无法解析，可能已损坏。`);
  }
  const { width, height, type } = size;
  if (!width || !height || (type !== sniffed && !(type === 'jpg' && sniffed === 'jpg'))) {
    throw new NewsdeskError('validation', `「${fileName}」的图片头无法解析，可能已损坏。`);
  }
  if (width * height > MAX_PIXELS) {
    throw new NewsdeskError('validation', `「${fileName}」有 ${width}×${height} 像素，超过上限（1 亿像素）。`);
  }
}

/** Image type from the file's first bytes. */
export function sniffImage(bytes: Uint8Array): 'jpg' | 'png' | 'gif' | 'webp' | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 6 && String.fromCharCode(...b.subarray(0, 4)) === 'GIF8') return 'gif';
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

export const ASSET_NAME = /^[0-9a-f]{32}\.(jpg|png|gif|webp)$/;

/**
 * The limits every photo meets however it arrives (picked, pasted, dropped or pulled from the
 * hub): not empty, at most 50 MB, a known image type whose header decodes to at most MAX_PIXELS.
 */
export function acceptImage(fileName: string, bytes: Uint8Array): 'jpg' | 'png' | 'gif' | 'webp' {
  if (bytes.length === 0) throw new NewsdeskError('validation', `「${fileName}」是空文件。`);
  if (bytes.length > MAX_BYTES) throw new NewsdeskError('validation', `「${fileName}」超过 50 MB。`);
  const ext = sniffImage(bytes);
  if (!ext) throw new NewsdeskError('validation', `「${fileName}」不是可识别的图片（支持 JPEG、PNG、GIF、WebP）。`);
  checkImageHeader(fileName, bytes, ext);
  return ext;
}

/** A photo's file name in assets/: its content hash, so the same picture is stored once. */
export function assetNameFor(bytes: Uint8Array, ext: string): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${ext}`;
}

export class AssetStore {
  readonly dir: string;
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'assets');
  }

  async importImage(fileName: string, dataBase64: string): Promise<{ asset: string }> {
    const bytes = Buffer.from(dataBase64, 'base64');
    const asset = assetNameFor(bytes, acceptImage(fileName, bytes));
    const file = resolveInside(this.dir, asset);
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const exists = await stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) await writeFileAtomic(file, bytes);
    } catch (e) {
      throw toNewsdeskError(e, '图片');
    }
    return { asset };
  }

  /** Bytes of a stored asset, for the app's protocol and the host's /store-assets/. */
  async read(asset: string): Promise<{ bytes: Buffer; type: string }> {
    if (!ASSET_NAME.test(asset)) throw new NewsdeskError('validation', '图片名称无效。');
    const bytes = await readFile(resolveInside(this.dir, asset)).catch((e: unknown) => {
      throw toNewsdeskError(e, '图片');
    });
    const ext = asset.split('.').pop();
    return { bytes, type: ext === 'jpg' ? 'image/jpeg' : `image/${ext}` };
  }
}
