// Long work runs off the thread serving requests: saves finish while a big parse is still running.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyContent } from '../../../shared/model/article';
import { openTempStore, type TempStore } from './tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

/** Raw copy of many lines, near the contract's 2,000,000-character limit. */
function longCopy(): string {
  const line = '株洲日报讯（记者 张三）市委常委会召开会议，研究部署下一阶段重点工作。';
  return ['标题：很长的来稿', ...Array.from({ length: 50_000 }, (_, i) => `${i} ${line}`)]
    .join('\n')
    .slice(0, 1_990_000);
}

describe('the worker pool', () => {
  it('parses raw copy on a worker while saves on the serving thread complete first', { timeout: 120_000 }, async () => {
    store = await openTempStore();
    // The desk user's own draft, which a reporter (the default role) may edit.
    const art = await store.services.articles.create('story', { headline: '稿' }, '测试');
    const order: string[] = [];
    const parse = store.dispatch('copy.parse', { text: longCopy() }).then((r) => {
      order.push('parse');
      return r;
    });
    // The parse is on a worker now: this thread is free to serve saves.
    expect(store.services.workers.running).toBe(1);
    for (let i = 0; i < 5; i++) {
      const saved = await store.dispatch('articles.save', {
        id: art.id,
        baseRevision: i + 1,
        content: { ...emptyContent('story'), headline: `第${i}次` },
      });
      expect(saved.ok).toBe(true);
      // Ordering, not wall time: each save finished while the parse was still running.
      order.push(store.services.workers.running === 1 ? 'save during parse' : 'save after parse');
    }
    const parsed = await parse;
    expect(parsed.ok).toBe(true);
    expect(order.slice(0, 5)).toEqual(Array(5).fill('save during parse'));
    expect(order[5]).toBe('parse');
  });

  it('imports copy through the worker and refuses empty copy with a typed error', async () => {
    store = await openTempStore();
    const imported = await store.dispatch('copy.import', { text: '标题：一篇来稿\n\n正文第一段。' });
    expect(imported).toMatchObject({ ok: true, value: { revision: 1 } });
    expect(await store.dispatch('copy.import', { text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });
});
