/**
 * `sync.push_bytes@textEdit3MBphotos`: the bytes a desk sends the hub to push a desk-note edit of a
 * story showing 3 MB of photos (three 1 MB images), counted on the wire by a relay in front of the hub.
 */
import { join } from 'node:path';
import { localServices, openRuntime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import { emptyContent } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { startHubProxy } from '../test/electron/services/sync/hubProxy';
import { photoBlock, pngOfSize } from '../test/electron/services/sync/photoOfSize';

export async function pushBytesOfTextEdit(serverUrl: string, root: string): Promise<number> {
  const dbUrl = `${serverUrl}/photos`;
  await fetch(dbUrl, { method: 'PUT' });
  const proxy = await startHubProxy(dbUrl);
  const settings = new SettingsService(memorySettingsBackend({ userName: 'bench' }));
  const desk = await openRuntime({ dataDir: join(root, 'photos'), settings, version: 'bench' });
  try {
    const s = localServices(desk);
    const photos: string[] = [];
    for (let i = 0; i < 3; i++) {
      photos.push((await s.assets.importImage(`p${i}.png`, pngOfSize(1_000_000).toString('base64'))).asset);
    }
    const body = [paragraph('图片稿正文。'), ...photos.map(photoBlock)];
    const story = await s.articles.create('story', { ...emptyContent(), headline: '图片稿', body }, 'bench');
    const replicator = s.sync.replicatorFor(proxy.dbUrl, null);
    await replicator.push();
    const current = await s.articles.get(story.id);
    await s.articles.save(story.id, current.revision, { ...current, deskNote: '请核对图片说明' }, 'bench');
    proxy.bytesToHub.count = 0;
    const pushed = await replicator.push();
    if (pushed.docs !== 1 || pushed.refused.length > 0) throw new Error('the desk-note edit did not reach the hub');
    return proxy.bytesToHub.count;
  } finally {
    await desk.close();
    await proxy.close();
  }
}
