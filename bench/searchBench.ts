/** Search figure: p95 query time over 10,000 stories of real-looking Chinese copy. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SearchIndex } from '../electron/services/search/searchIndex';
import { percentile } from './stats';

/** Sentences from the fixture stories, recombined so 10,000 stories do not share one text. */
function corpusSentences(): string[] {
  const dir = join(import.meta.dirname, '..', 'assets', 'sample');
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  return text
    .split(/(?<=[。！？])|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 8);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export async function runSearchBench(): Promise<Record<string, number>> {
  const sentences = corpusSentences();
  const rand = rng(42);
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!;
  const index = new SearchIndex();
  const bodies: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) {
    const body = Array.from({ length: 25 }, pick).join('') + `编号${i}号稿件`;
    bodies.push(body);
    index.put(`a-${i}`, { kicker: '', headline: pick().slice(0, 18), subheadline: '', body });
  }
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  for (let q = 0; q < 500; q++) {
    const body = bodies[Math.floor(rand() * bodies.length)]!;
    const len = 2 + Math.floor(rand() * 5);
    const at = Math.floor(rand() * (body.length - len));
    const query = body.slice(at, at + len);
    const t = performance.now();
    const hits = index.query(query);
    times.push(performance.now() - t);
    if (hits.length === 0) throw new Error(`query ${query} found nothing`);
  }
  return { 'search.query_ms_p95@10000': percentile(times, 95), 'search.build_ms@10000': buildMs };
}
