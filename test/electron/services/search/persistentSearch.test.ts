import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleStore } from '../../../../electron/services/store/articleStore';
import { emptyContent, type ArticleContent } from '../../../../shared/model/article';
import { paragraph } from '../../../../shared/model/document';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore | undefined;
afterEach(async () => {
  await store?.cleanup();
  store = undefined;
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** CJK, full-width Latin and digits, Latin, punctuation and characters beyond the BMP. */
const ALPHABET = Array.from(
  '株洲市工业互联网试点示范企业醴陵陶瓷马拉松开跑记者通讯员ＡＢＣｄｅ１２３abcXYZ，。、𠀀𪚥𩸽',
);

function randomText(rand: () => number, length: number): string {
  return Array.from({ length }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]!).join('');
}

function randomStory(rand: () => number): ArticleContent {
  return {
    ...emptyContent(),
    kicker: randomText(rand, 6),
    headline: randomText(rand, 12),
    subheadline: randomText(rand, 8),
    body: [paragraph(randomText(rand, 60)), paragraph(randomText(rand, 40))],
  };
}

/** Every run of two characters (code points) of a text, as a reporter might type it. */
function runsOfTwo(text: string): string[] {
  const chars = Array.from(text);
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** Closes and reopens, then waits until the segment is built and checked: queries no longer use the in-memory part. */
async function reopenWithSegment(s: TempStore): Promise<TempStore> {
  await s.services.close();
  const next = await s.reopen();
  // A small store's segment is built in the background after the first answer: wait for it.
  await next.services.search.whenComplete();
  expect(next.services.search.recentCount).toBe(0);
  return next;
}

describe('persistent search', () => {
  it('finds every story by every two-character run of its headline fields and body, from the on-disk segment', async () => {
    store = await openTempStore();
    const rand = rng(11);
    const stories: { id: string; content: ArticleContent }[] = [];
    for (let i = 0; i < 12; i++) {
      const content = randomStory(rand);
      stories.push({ id: (await store.services.articles.create('story', content, 't')).id, content });
    }
    store = await reopenWithSegment(store);
    for (const { id, content } of stories) {
      const texts = [
        content.kicker,
        content.headline,
        content.subheadline,
        ...content.body.map((b) =>
          'children' in b ? b.children.map((c) => ('text' in c ? c.text : '')).join('') : '',
        ),
      ];
      for (const run of texts.flatMap(runsOfTwo)) {
        const { total, hits } = await store.services.search.query(run, 200);
        expect(
          hits.map((h) => h.id),
          `「${run}」 in ${id}`,
        ).toContain(id);
        expect(total).toBe(hits.length);
      }
    }
  });

  it('counts every hit beyond the ones shown, confirming longer queries against the text', async () => {
    store = await openTempStore();
    for (let i = 0; i < 30; i++) {
      const body = i % 3 === 0 ? '工业互联网平台' : '工业的互联网络';
      await store.services.articles.create(
        'story',
        { ...emptyContent(), headline: `稿${i}`, body: [paragraph(body)] },
        't',
      );
    }
    store = await reopenWithSegment(store);
    const long = await store.services.search.query('业互联', 5);
    expect(long.hits).toHaveLength(5);
    expect(long.total).toBe(10);
    const two = await store.services.search.query('互联', 5);
    expect([two.hits.length, two.total]).toEqual([5, 30]);
  });

  it('folds full-width forms and highlights the text as written', async () => {
    store = await openTempStore();
    const a = await store.services.articles.create(
      'story',
      { ...emptyContent(), headline: '株洲ＥＲＰ上线', body: [paragraph('𠀀𪚥是两个罕见字，ＥＲＰ系统。')] },
      't',
    );
    store = await reopenWithSegment(store);
    const erp = await store.services.search.query('erp', 10);
    expect(erp.hits).toMatchObject([{ id: a.id, field: 'headline', snippet: '株洲ＥＲＰ上线' }]);
    const astral = await store.services.search.query('𠀀𪚥', 10);
    expect(astral.hits).toMatchObject([{ id: a.id, field: 'body' }]);
    expect(astral.hits[0]!.snippet).toContain('𠀀𪚥');
    expect((await store.services.search.query('洲株', 10)).total).toBe(0);
  });

  it('catches a save the search index missed (a crash between the save and the index update) at the next start', async () => {
    store = await openTempStore();
    const a = await store.services.articles.create('story', { ...emptyContent(), headline: '旧标题马拉松' }, 't');
    store = await reopenWithSegment(store);
    await store.services.close();
    // The store alone saves and then "crashes": no search service heard the save, nothing was closed.
    const bare = await ArticleStore.open({ dataDir: store.dir });
    await bare.save(a.id, 1, { ...emptyContent(), headline: '新标题醴陵陶瓷' }, 't');
    const next = await store.reopen();
    store = next;
    expect((await next.services.search.query('醴陵', 10)).hits.map((h) => h.id)).toEqual([a.id]);
    expect((await next.services.search.query('马拉', 10)).total).toBe(0);
  });

  it('rebuilds a damaged segment in the background and answers correctly meanwhile', async () => {
    store = await openTempStore();
    const a = await store.services.articles.create('story', { ...emptyContent(), headline: '株洲工业互联网' }, 't');
    store = await reopenWithSegment(store);
    const manifest = JSON.parse(await readFile(join(store.dir, 'search', 'segment.json'), 'utf8')) as {
      folder: string;
    };
    await store.services.close();
    await truncate(join(store.dir, 'search', manifest.folder, 'postings.bin'), 3);
    store = await store.reopen();
    expect((await store.services.search.query('互联', 10)).hits.map((h) => h.id)).toEqual([a.id]);
    await store.services.search.whenComplete();
    const rebuilt = JSON.parse(await readFile(join(store.dir, 'search', 'segment.json'), 'utf8')) as { folder: string };
    expect(rebuilt.folder).not.toBe(manifest.folder);
  });

  it('keeps saves, spikes and restores made after the segment was built', async () => {
    store = await openTempStore({ role: 'chief-editor' });
    const a = await store.services.articles.create('story', { ...emptyContent(), headline: '原标题' }, 't');
    store = await reopenWithSegment(store);
    const saved = await store.services.articles.save(a.id, 1, { ...emptyContent(), headline: '重庆马拉松' }, 't');
    expect((await store.services.search.query('原标', 10)).total).toBe(0);
    expect((await store.services.search.query('马拉', 10)).total).toBe(1);
    const spiked = await store.client.call('articles.spike', { id: a.id, baseRevision: saved.revision });
    expect(spiked.ok).toBe(true);
    expect((await store.services.search.query('马拉', 10)).total).toBe(0);
    store = await reopenWithSegment(store);
    expect((await store.services.search.query('马拉', 10)).total).toBe(0);
  });
});
