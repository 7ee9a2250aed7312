/**
 * Photos travel as CouchDB attachments of the story that shows them, named by their asset file,
 * and land in the receiving store's assets/ only if the bytes hash to that name and pass the limits
 * a local import applies.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocBody } from '../../../shared/model/syncFields';
import { writeFileAtomic } from '../atomicFile';
import { acceptImage, ASSET_NAME, assetNameFor, type AssetStore } from '../assetStore';
import type { HubDoc } from './hubClient';
import { stubFor, type HeldAttachments } from './attachmentStubs';

export function photoAssets(body: DocBody): string[] {
  const names = new Set<string>();
  for (const block of body.body) {
    if (block.type === 'photo' && block.asset) names.add(block.asset);
  }
  return [...names];
}

/**
 * Attachments for the photos a body shows: a stub for each the hub already holds (`held`), the
 * bytes inline for the rest; a photo missing locally is left out.
 */
export async function attachmentsFor(
  body: DocBody,
  assets: AssetStore,
  held: HeldAttachments = {},
): Promise<HubDoc['_attachments']> {
  const out: NonNullable<HubDoc['_attachments']> = {};
  for (const name of photoAssets(body)) {
    const stub = stubFor(held[name]);
    if (stub) {
      out[name] = stub;
      continue;
    }
    try {
      const { bytes, type } = await assets.read(name);
      out[name] = { content_type: type, data: bytes.toString('base64') };
    } catch {
      // The story still syncs; the photo follows once it is on this desk again.
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Writes pulled photos into assets/, durably, before the story that shows them. */
export async function storeAttachments(doc: HubDoc, assets: AssetStore): Promise<void> {
  for (const [name, att] of Object.entries(doc._attachments ?? {})) {
    if (!ASSET_NAME.test(name) || !att.data) continue;
    const bytes = Buffer.from(att.data, 'base64');
    let ext: string;
    try {
      // The same limits as a photo imported here: a hub is another machine, not a trusted one.
      ext = acceptImage(name, bytes);
    } catch {
      continue;
    }
    if (assetNameFor(bytes, ext) !== name) continue;
    const file = join(assets.dir, name);
    if (
      await stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      )
    )
      continue;
    await mkdir(assets.dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(file, bytes);
  }
}
