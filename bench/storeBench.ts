/** Store figures: median save at 100 and 10,000 articles, and open + list newest 50 at 10,000. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleStore } from '../electron/services/store/articleStore';
import { localServices, openRuntime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import { emptyContent, type Article } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { median } from './stats';

/** A story of about 1,500 characters in 12 paragraphs, like a typical city-page story. */
function sampleArticle(i: number, at: Date): Article {
  const body = Array.from({ length: 12 }, (_, p) =>
    paragraph(`第${i}篇第${p}段：株洲市工业互联网试点示范企业持续推进数字化转型，提升供应链协同效率。`.repeat(3)),
  );
  const iso = at.toISOString();
  return {
    ...emptyContent(),
    id: `a-bench${i.toString(36).padStart(6, '0')}`,
    headline: `基准稿件 ${i}`,
    kicker: '引题',
    body,
    bylines: [{ role: '全媒体记者', name: '高晓燕' }],
    status: 'draft',
    spikedFrom: null,
    revision: 1,
    createdAt: iso,
    createdBy: 'bench',
    updatedAt: iso,
    updatedBy: 'bench',
    placement: null,
  };
}

/** Writes the fixture files directly (no fsync) so a 10,000-story store takes seconds to make, not minutes. */
async function populate(dir: string, n: number): Promise<string[]> {
  await mkdir(join(dir, 'articles'), { recursive: true });
  const ids: string[] = [];
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < n; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, n - i) }, async (_, k) => {
        const a = sampleArticle(i + k, new Date(t0 + (i + k) * 60_000));
        ids.push(a.id);
        await writeFile(join(dir, 'articles', `${a.id}.json`), JSON.stringify(a));
      }),
    );
  }
  return ids;
}

async function medianSave(store: ArticleStore, ids: string[], saves: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < saves; i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const current = await store.get(id);
    const content = { ...current, headline: `${current.headline}·${i}` };
    const t = performance.now();
    await store.save(id, current.revision, content, 'bench');
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The whole service stack, so a save includes its revision copy, as in the app. */
async function openStore(dir: string): Promise<ArticleStore> {
  const settings = new SettingsService(memorySettingsBackend({ userName: 'bench' }));
  return localServices(await openRuntime({ dataDir: dir, settings, version: 'bench' })).articles;
}

async function timeOpenList(dir: string): Promise<{ ms: number; store: ArticleStore }> {
  const t = performance.now();
  const store = await openStore(dir);
  const { items } = store.list({ limit: 50, offset: 0 });
  const ms = performance.now() - t;
  if (items.length !== 50) throw new Error('listing did not return 50 stories');
  return { ms, store };
}

export async function runStoreBench(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const n of [100, 10_000]) {
    const dir = await mkdtemp(join(tmpdir(), `newsdesk-bench-${n}-`));
    try {
      const ids = await populate(dir, n);
      const t = performance.now();
      const first = await openStore(dir);
      if (n === 10_000) figures['store.cold_index_build_ms@10000'] = performance.now() - t;
      await medianSave(first, ids, 30); // warm-up: JIT and first-touch of the folders
      figures[`store.save_ms_p50@${n}`] = await medianSave(first, ids, 200);
      await first.close();
      if (n === 10_000) {
        // The app starting after a clean quit: snapshot + journal, new files only.
        const clean = await timeOpenList(dir);
        figures['store.open_list_ms@10000'] = clean.ms;
        // Left open (as a crash would): the next open also stats every article file.
        const afterCrash = await timeOpenList(dir);
        figures['store.open_list_after_crash_ms@10000'] = afterCrash.ms;
        await clean.store.close();
        await afterCrash.store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return figures;
}
