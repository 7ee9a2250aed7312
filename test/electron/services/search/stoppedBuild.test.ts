// The first query of a run in a small store without a segment: it answers from the stories themselves while the
// segment is built in the background, and a build whose worker ends early (stopped, or died under load) fails
// no query, then or later. Before, the query waited for the build and failed with 'worker exited with 1'.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SegmentBuild } from '../../../../electron/services/search/runSegmentBuild';
import type { SearchService } from '../../../../electron/services/search/searchService';
import { emptyContent } from '../../../../shared/model/article';
import { openTempStore, type TempStore } from '../tempStore';

let store: TempStore | null = null;
afterEach(async () => {
  await store?.cleanup();
  store = null;
});

/** The build the service is waiting on (private: the test ends its worker the way close() would). */
function runningBuild(search: SearchService): SegmentBuild | null {
  return (search as unknown as { build: SegmentBuild | null }).build;
}

describe('search when the segment build is cut short', () => {
  it('answers the first query after stories are created although the build worker was stopped', { timeout: 60_000 }, async () => {
    store = await openTempStore();
    const a = await store.services.articles.create('story', { ...emptyContent(), headline: '株洲工业互联网试点' }, 't');
    await store.services.articles.create('story', { ...emptyContent(), headline: '醴陵陶瓷博览会' }, 't');
    const search = store.services.search;
    const errors: unknown[] = [];
    const was = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const first = search.query('互联', 10);
      await vi.waitFor(() => expect(runningBuild(search)).not.toBeNull(), { timeout: 30_000, interval: 5 });
      await runningBuild(search)!.stop();
      const answered = await first;
      expect(answered.hits.map((h) => h.id)).toEqual([a.id]);
      expect((await search.query('陶瓷', 10)).total).toBe(1);
    } finally {
      console.error = was;
    }
    // The log says the build was stopped, not a bare exit code.
    expect(String(errors.flat().map((e) => (e instanceof Error ? e.message : e)))).toContain('stopped before it finished');
  });
});
