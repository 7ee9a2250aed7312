/**
 * The check every unforced PDF export must pass: the last 12 characters of every placed story's body
 * are printed, on its page or on the page it jumps to. A proof that drops a story's end fails it.
 */
import { expect } from 'vitest';
import { blockText } from '../../../../shared/model/document';
import { acceptedDocument } from '../../../../shared/rules/suggestions/acceptedText';
import type { TempStore } from '../tempStore';
import { openPackage } from './exportedPackage';
import { readPdf, squeeze } from './readPdf';

export async function storyEnd(store: TempStore, articleId: string): Promise<string> {
  const a = await store.services.articles.get(articleId);
  const text = acceptedDocument(a.body)
    .filter((b) => b.type !== 'photo')
    .map((b) => blockText(b))
    .join('');
  return [...squeeze(text)].slice(-12).join('');
}

export async function expectStoryEndsPrinted(store: TempStore, zipPath: string): Promise<number> {
  const { files, manifest } = await openPackage(zipPath);
  expect(manifest.draft).toBe(false);
  const pdfFile = manifest.pages.find((p) => p.proof)?.proof?.file;
  expect(pdfFile).toBeTruthy();
  const pages = await readPdf(files[pdfFile!]!);
  const printedOn = new Map<string, string>();
  for (const page of manifest.pages)
    for (const slot of page.slots) {
      if (!slot.articleId) continue;
      const text = squeeze(pages[page.proof!.page - 1]!.text);
      printedOn.set(slot.articleId, (printedOn.get(slot.articleId) ?? '') + text);
    }
  for (const [articleId, text] of printedOn) {
    const end = await storyEnd(store, articleId);
    expect(text, `the end of ${articleId} («${end}») is not in its proof pages`).toContain(end);
  }
  return printedOn.size;
}
