import { afterEach, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
let desk: Desk | null = null;
afterEach(async () => {
  await desk?.store.cleanup();
  desk = null;
  await hub?.close();
});

describe('a long offline period', () => {
  it('pushes 500 queued edits in one run, and pushing again sends nothing', { timeout: 180_000 }, async () => {
    hub = await startStandInHub();
    desk = await openDesk(hub, '外勤');
    await desk.replicator.runOnce();
    const articles = desk.store.services.articles;
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await articles.create('story', content(`稿件 ${i}`), '外勤')).id);
    // 400 more saves spread over the stories: 500 edits waiting for the hub.
    for (let round = 1; round <= 4; round++) {
      for (const id of ids) await articles.save(id, round, content(`稿件 ${id} 第 ${round + 1} 版`), '外勤');
    }
    const first = await desk.replicator.push();
    expect(first.refused).toEqual([]);
    expect(first.docs).toBe(100);
    const info = await hub.local.info();
    expect(info.doc_count).toBe(100);
    for (const id of ids.slice(0, 5)) {
      const onHub = await hub.local.get(id);
      expect(onHub._rev).toBe((await desk.stored(id))._rev);
      expect(onHub._rev!.startsWith('5-')).toBe(true);
    }
    const again = await desk.replicator.push();
    expect(again.docs).toBe(0);
    expect((await hub.local.info()).update_seq).toEqual(info.update_seq);
    // Even with the checkpoint gone, a full push finds every revision already there.
    const fresh = desk.store.services.sync.replicatorFor(hub.dbUrl, null);
    await import('node:fs/promises').then((fs) =>
      fs.rm(`${desk!.store.dir}/sync/checkpoints`, { recursive: true, force: true }),
    );
    expect((await fresh.push()).docs).toBe(0);
    expect((await hub.local.info()).update_seq).toEqual(info.update_seq);
  });
});
