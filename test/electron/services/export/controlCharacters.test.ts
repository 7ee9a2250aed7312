// A store that already holds control characters (saved before the contract refused them) exports them the same
// way in every format: removed from NITF, ICML, DOCX, the GB18030 text, JSON and the PDF proof alike, with the
// story named in the manifest's warnings, and the gate's messages never echoing them.
import iconv from 'iconv-lite';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnsafeChar } from '../../../../shared/rules/unsafeText';
import { openTempStore, type TempStore } from '../tempStore';
import { makeFinishedIssue } from './exportFixture';
import { exportTo, openPackage } from './exportedPackage';

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('');
  }
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

/** Each format's text as a reader of it would decode it; XML tags dropped, since runs split the words. */
function decoded(path: string, bytes: Uint8Array): string {
  // The text file's CR LF line ends are Windows's, not stray control characters.
  if (path.startsWith('txt/')) return iconv.decode(Buffer.from(bytes), 'gb18030').replace(/\r\n/g, '\n');
  const xml = path.startsWith('docx/')
    ? Object.values(unzipSync(bytes))
        .map((part) => new TextDecoder().decode(part))
        .join('\n')
    : new TextDecoder().decode(bytes);
  return xml.replace(/<[^>]*>/g, '');
}

let store: TempStore;
let planted: string;
beforeAll(async () => {
  // The chief editor's desk: these tests change approved copy in place, which only the chief editor may (issue 22).
  store = await openTempStore({ role: 'chief-editor' });
  const { ids } = await makeFinishedIssue(store.services);
  planted = ids[1]!;
  // Through the service, as an older version (or a sync pull) wrote it: the contract would refuse this save.
  const a = await store.services.articles.get(planted);
  await store.services.articles.update(planted, a.revision, '测试', (x) => ({
    ...x,
    headline: '市区新增\u0001三条公交线路',
    body: [
      { type: 'paragraph', children: [{ text: '记者从市交通\u000B运输局获悉\uFFFE，三条新线路\uD800下周一开通。' }] },
      { type: 'paragraph', children: [{ text: '票价统一为2元。' }] },
    ],
  }));
});
afterAll(() => store.cleanup());

describe('control characters already in the store', () => {
  it('leave every format the same way, and the manifest names the story', { timeout: 120_000 }, async () => {
    const { zipPath } = await exportTo(store, 'unsafe.zip', ['nitf', 'docx', 'icml', 'txt', 'pdf', 'json'], true);
    const { files, manifest } = await openPackage(zipPath);
    const story = manifest.stories.find((s) => s.id === planted)!;
    for (const [format, path] of Object.entries(story.files)) {
      const text = decoded(path, files[path]!);
      expect(findUnsafeChar(text), `${format} ${path}`).toBeNull();
      // Removed, not replaced: the words around each character now meet.
      expect(text, format).toContain('市区新增三条公交线路');
      expect(text, format).toContain('运输局获悉，三条新线路下周一开通');
    }
    const pdf = await pdfText(files[`proofs/${manifest.pages[0]!.proof!.file.slice(7, -4)}.pdf`]!);
    // Not the whole page: pdf.js itself reads 𠮷 (outside the BMP) in another story as U+0000.
    expect(pdf).toContain('市区新增三条公交线路');
    expect(pdf).toContain('运输局获悉，三条新线路下周一开通');

    const warning = manifest.warnings.find((w) => w.articleId === planted);
    expect(warning?.message).toContain('U+0001');
    expect(warning?.message).toContain('《市区新增三条公交线路》');
    const rawManifest = new TextDecoder().decode(files['manifest.json']);
    expect(findUnsafeChar(rawManifest)).toBeNull();
    // JSON.stringify escapes them (\u0001): neither form may appear.
    expect(rawManifest).not.toMatch(/\\u000[0-8bB]|\\u001|\\uFFF[EF]|\\uD8/i);
  });

  it("the gate's refusal does not echo them", async () => {
    const a = await store.services.articles.get(planted);
    await store.services.articles.update(planted, a.revision, '测试', (x) => ({ ...x, status: 'edited' }));
    const { result } = await exportTo(store, 'refused.zip', ['nitf']);
    expect(result.status).toBe('refused');
    const messages = result.problems.map((p) => p.message).join('\n');
    expect(messages).toContain('《市区新增三条公交线路》');
    expect(findUnsafeChar(messages)).toBeNull();
  });
});
