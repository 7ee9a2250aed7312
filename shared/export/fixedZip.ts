/** Deterministic zips: entries in the order given, one fixed timestamp, fixed compression, so the same input gives the same bytes. */
import { zipSync, type Zippable } from 'fflate';

/**
 * The DOS timestamp zip stores is local time; a Date built from local fields gives the same
 * stored fields in every time zone.
 */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** Already-compressed data (photos, PDFs) is stored as is. */
  store?: boolean;
}

export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    if (Object.prototype.hasOwnProperty.call(files, e.path)) throw new Error(`duplicate zip entry ${e.path}`);
    files[e.path] = [e.data, { level: e.store ? 0 : 6, mtime: FIXED_TIME }];
  }
  return zipSync(files, { mtime: FIXED_TIME });
}
