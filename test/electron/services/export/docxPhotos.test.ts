// DOCX as a desk expects it: each photo inline in the body above its caption and credit, and the 2-字
// first-line indent also in twips (w:firstLine), which LibreOffice reads where it ignores w:firstLineChars.
// Read back with mammoth (an independent DOCX reader); where LibreOffice is installed, also through soffice.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from './exportFixture';
import { exportFixtureIssue, type ExportedPackage } from './exportedPackage';

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let pkg: ExportedPackage;
let docx: Uint8Array;
beforeAll(async () => {
  pkg = await exportFixtureIssue(['docx']);
  const story = pkg.manifest.stories.find((s) => s.photos.length > 0)!;
  docx = pkg.files[story.files.docx!]!;
});
afterAll(() => pkg?.store.cleanup());

describe('DOCX photos and indents', () => {
  it('embeds each photo inline, above its caption and credit', async () => {
    const parts = unzipSync(docx);
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
    expect(media).toEqual(['word/media/photo1.png']);
    expect(Buffer.from(parts['word/media/photo1.png']!).equals(Buffer.from(TINY_PNG, 'base64'))).toBe(true);
    expect(new TextDecoder().decode(parts['[Content_Types].xml'])).toContain(
      '<Default Extension="png" ContentType="image/png"/>',
    );

    const images: { contentType: string; bytes: number }[] = [];
    const { value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(docx) },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          images.push({ contentType: image.contentType, bytes: (await image.readAsBuffer()).length });
          return { src: 'photo' };
        }),
      },
    );
    expect(images).toEqual([{ contentType: 'image/png', bytes: Buffer.from(TINY_PNG, 'base64').length }]);
    // The picture, then its caption line with the credit, then the text that follows the photo in the story.
    const at = (s: string) => html.indexOf(s);
    expect(at('<img')).toBeGreaterThan(at('端到端协同'));
    expect(at('平台调度中心一角。 全媒体记者 王强 摄')).toBeGreaterThan(at('<img'));
    expect(at('工业互联网是关键支撑')).toBeGreaterThan(at('平台调度中心一角'));
    expect(html).toMatch(/<img[^>]*alt="平台调度中心一角。 全媒体记者 王强 摄"/);
  });

  it('gives the body style a first-line indent of two characters in twips too', () => {
    const styles = new TextDecoder().decode(unzipSync(docx)['word/styles.xml']);
    const body = /<w:style [^>]*w:styleId="BodyText">.*?<\/w:style>/.exec(styles)![0];
    // 2 字 at 10.5 pt (21 half-points) = 21 pt = 420 twips.
    expect(body).toContain('<w:ind w:firstLineChars="200" w:firstLine="420"/>');
  });

  it.runIf(hasSoffice())('converts in LibreOffice to the same text, photo caption included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-soffice-'));
    try {
      await writeFile(join(dir, 'story.docx'), docx);
      await promisify(execFile)(
        'soffice',
        ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'story.docx')],
        {
          timeout: 120_000,
        },
      );
      const text = await readFile(join(dir, 'story.txt'), 'utf8');
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
      const squeeze = (s: string) => s.replace(/\s+/g, '');
      expect(squeeze(text)).toBe(squeeze(value));
      expect(text).toContain('平台调度中心一角。');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
