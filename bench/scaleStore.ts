/**
 * Builds a large store for the scale bench fast: article files written straight in the store's own
 * format (no fsync), with real-looking Chinese copy recombined from the fixture stories, 80 stories a
 * day, varied statuses, credits and placements; then one open builds the listing and search indexes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { localServices, openRuntime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import { emptyContent, type Article } from '../shared/model/article';
import { paragraph } from '../shared/model/document';
import { STATUSES } from '../shared/model/status';

export const STORIES_PER_DAY = 80;
/** The newest story's day; older ones go back one day per 80 stories. */
export const LAST_DAY = Date.UTC(2026, 10, 30);
const NAMES = ['高晓燕', '刘芳', '王建国', '陈静', '李明', '张伟', '周杰', '吴敏', '郑洁', '孙磊', '赵蕾', '黄涛'];
const PAGES = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08'];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Sentences from the fixture stories, recombined so stories do not share one text. */
export function corpusSentences(): string[] {
  const dir = join(import.meta.dirname, '..', 'assets', 'sample');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n')
    .split(/(?<=[。！？])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 8);
}

export function benchArticle(i: number, n: number, sentences: string[], rand: () => number): Article {
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!;
  // Story 0 is the oldest; the last one is on LAST_DAY.
  const day = Math.floor((n - 1 - i) / STORIES_PER_DAY);
  const at = new Date(LAST_DAY - day * 86_400_000 + (i % STORIES_PER_DAY) * 600_000 + 3_600_000).toISOString();
  const status = STATUSES[Math.floor(rand() * 5)]!;
  const placed = status === 'placed';
  const paragraphs = 6 + Math.floor(rand() * 8);
  return {
    ...emptyContent(),
    id: `a-scale${i.toString(36).padStart(7, '0')}`,
    kicker: rand() < 0.3 ? pick().slice(0, 12) : '',
    headline: `${pick().slice(0, 16)}（${i}）`,
    body: Array.from({ length: paragraphs }, () => paragraph(pick() + pick() + pick())),
    bylines: [{ role: '全媒体记者', name: NAMES[Math.floor(rand() * NAMES.length)]! }],
    source: rand() < 0.9 ? '株洲日报' : '',
    status,
    spikedFrom: null,
    revision: 1 + Math.floor(rand() * 4),
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: NAMES[i % NAMES.length]!,
    placement: placed
      ? { issueDate: at.slice(0, 10), page: PAGES[i % PAGES.length]!, slotId: `s${i % 6}`, order: i % 6 }
      : null,
  };
}

export async function openBenchRuntime(dir: string) {
  const settings = new SettingsService(memorySettingsBackend({ userName: 'bench' }));
  return openRuntime({ dataDir: dir, settings, version: 'bench' });
}

/** Writes n stories and builds both indexes once (as the first start after an upgrade would). */
export async function buildScaleStore(dir: string, n: number): Promise<{ writeMs: number; indexMs: number }> {
  const sentences = corpusSentences();
  const rand = rng(n);
  await mkdir(join(dir, 'articles'), { recursive: true });
  let t = performance.now();
  for (let i = 0; i < n; i += 500) {
    const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => benchArticle(i + k, n, sentences, rand));
    await Promise.all(batch.map((a) => writeFile(join(dir, 'articles', `${a.id}.json`), JSON.stringify(a))));
  }
  const writeMs = performance.now() - t;
  t = performance.now();
  const runtime = await openBenchRuntime(dir);
  await localServices(runtime).search.whenComplete();
  await runtime.close();
  return { writeMs, indexMs: performance.now() - t };
}
