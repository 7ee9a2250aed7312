// The PDF proof: one page per plan page from the page plan's renderer, every placed headline on its page in
// slot order, real CJK glyphs from embedded fonts (this machine has no CJK system fonts), DRAFT when forced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../tempStore';
import { makeFinishedIssue } from './exportFixture';
import { exportTo, openPackage } from './exportedPackage';
import { readPdf, squeeze } from './readPdf';
import { expectStoryEndsPrinted } from './storyEnds';

let store: TempStore;
let ids: string[];
beforeAll(async () => {
  store = await openTempStore();
  ({ ids } = await makeFinishedIssue(store.services));
});
afterAll(() => store.cleanup());

describe('PDF proofs', () => {
  it('hold every placed headline on its page in slot order, set in embedded fonts', async () => {
    const { zipPath } = await exportTo(store, 'proofs.zip', ['pdf']);
    const { files, manifest } = await openPackage(zipPath);
    const file = 'proofs/2026-03-18.pdf';
    expect(manifest.pages.map((p) => p.proof)).toEqual([
      { file, page: 1 },
      { file, page: 2 },
    ]);
    const pages = await readPdf(files[file]!);
    expect(pages).toHaveLength(2);
    const headlines = new Map<string, string>();
    for (const id of ids) headlines.set(id, (await store.services.articles.get(id)).headline);
    for (const page of manifest.pages) {
      const read = pages[page.proof!.page - 1];
      const text = squeeze(read!.text);
      const positions = page.slots.map((s) => text.indexOf(squeeze(headlines.get(s.articleId!)!)));
      expect(
        positions.every((p) => p >= 0),
        `${page.label}: ${text.slice(0, 200)}`,
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(text).toContain('株洲日报');
      expect(read!.fonts.length).toBeGreaterThan(0);
      for (const f of read!.fonts) expect(f.embedded, f.name).toBe(true);
      expect(read!.fonts.some((f) => /Noto(Serif|Sans)SC/i.test(f.name.replace(/[\s-]/g, '')))).toBe(true);
      expect(text).not.toContain('DRAFT');
    }
    await expectStoryEndsPrinted(store, zipPath);
  });

  it('carry the DRAFT mark on every page when forced', async () => {
    const { zipPath } = await exportTo(store, 'draft.zip', ['pdf'], true);
    const { files, manifest } = await openPackage(zipPath);
    const pages = await readPdf(files[manifest.pages[0]!.proof!.file]!);
    expect(pages).toHaveLength(manifest.pages.length);
    for (const read of pages) expect(read.text).toContain('DRAFT');
  });
});
