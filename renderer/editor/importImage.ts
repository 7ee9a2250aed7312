/** Reads a picked or dropped image file and hands it to the store; returns the asset name. */
import { api } from '../api/transport';
import type { Result } from '../../shared/ipc/errors';

export function isImageFile(file: File): boolean {
  return (
    /^image\/(jpeg|png|gif|webp|tiff|bmp)$/.test(file.type) || /\.(jpe?g|png|gif|webp|tiff?|bmp)$/i.test(file.name)
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export async function importImage(file: File): Promise<Result<{ asset: string }>> {
  let dataBase64: string;
  try {
    dataBase64 = await readBase64(file);
  } catch (e) {
    return { ok: false, error: { code: 'io', message: (e as Error).message } };
  }
  return api.call('assets.import', { fileName: file.name || 'image', dataBase64 });
}
