// DOCX read back by mammoth, ICML resolved against its own styles, and GB18030 text all hold exactly the story.
import iconv from 'iconv-lite';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { PARAGRAPH_STYLES, STYLE_IDS, paragraphText, storyParagraphs } from '../../../../shared/export/storyParagraphs';
import type { Article } from '../../../../shared/model/article';
import { exportFixtureIssue, type ExportedPackage } from './exportedPackage';

let pkg: ExportedPackage;
let articles: Map<string, Article>;
beforeAll(async () => {
  pkg = await exportFixtureIssue();
  articles = new Map();
  for (const id of pkg.ids) articles.set(id, await pkg.store.services.articles.get(id));
});
afterAll(() => pkg.store.cleanup());

const utf8 = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs each story should produce: [style name, text]. */
function expected(id: string): [string, string][] {
  return storyParagraphs(articles.get(id)!, '株洲日报').map((p) => [p.style, paragraphText(p)]);
}

describe('DOCX export', () => {
  it('mammoth reads every story back with the same text under the same named paragraph styles', async () => {
    // Each style name maps to a class, so an unknown or missing style name shows up as a bare <p>.
    const styleMap = PARAGRAPH_STYLES.map((name) => `p[style-name='${name}'] => p.${STYLE_IDS[name]}:fresh`);
    const byId = Object.fromEntries(Object.entries(STYLE_IDS).map(([name, id]) => [id, name]));
    for (const story of pkg.manifest.stories) {
      const buffer = Buffer.from(pkg.files[story.files.docx!]!);
      const { value: html, messages } = await mammoth.convertToHtml({ buffer }, { styleMap });
      expect(messages.filter((m) => m.type === 'warning')).toEqual([]);
      // A photo's own paragraph holds only its picture (docxPhotos.test.ts reads it); the text is compared here.
      const read = [...html.matchAll(/<p(?: class="([A-Za-z]+)")?>(.*?)<\/p>/g)]
        .filter(([, , inner]) => !/^<img [^>]*\/>$/.test(inner!))
        .map(([, cls, inner]) => [cls ? byId[cls] : '(no style)', decodeEntities(inner!.replace(/<[^>]+>/g, ''))]);
      expect(read).toEqual(expected(story.id));
    }
  });

  it('bold runs stay bold', async () => {
    const story = pkg.manifest.stories.find((s) => s.headline.startsWith('两株企'))!;
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(pkg.files[story.files.docx!]!) });
    expect(value).toContain('<strong>供应链协同平台</strong>');
  });
});

describe('ICML export', () => {
  it('is well-formed, applies only declared styles, and its text is the story', async () => {
    for (const story of pkg.manifest.stories) {
      const xml = utf8(pkg.files[story.files.icml!]);
      const check = await validateXML({ xml: { fileName: 'story.icml', contents: xml }, normalization: 'format' });
      expect(check.errors.map((e) => e.rawMessage)).toEqual([]);
      const declared = new Set([...xml.matchAll(/<ParagraphStyle Self="([^"]+)" Name="([^"]+)"/g)].map((m) => m[1]));
      const declaredChar = new Set([...xml.matchAll(/<CharacterStyle Self="([^"]+)"/g)].map((m) => m[1]));
      const paragraphs = [
        ...xml.matchAll(/<ParagraphStyleRange AppliedParagraphStyle="([^"]+)">(.*?)<\/ParagraphStyleRange>/g),
      ];
      for (const m of xml.matchAll(/AppliedCharacterStyle="([^"]+)"/g)) expect(declaredChar.has(m[1])).toBe(true);
      const read = paragraphs.map(([, style, inner]) => {
        expect(declared.has(style), style).toBe(true);
        const name = /Name="([^"]+)"/.exec(xml.slice(xml.indexOf(`Self="${style}"`)))![1]!;
        const contents = [...inner!.matchAll(/<Content>(.*?)<\/Content>/g)].map((c) => decodeEntities(c[1]!));
        return [name, contents.join('')];
      });
      expect(read).toEqual(expected(story.id));
      // InCopy separates paragraphs with <Br/>; the last one has none.
      expect((xml.match(/<Br\/>/g) ?? []).length).toBe(paragraphs.length - 1);
    }
  });
});

describe('plain text export', () => {
  it('is GB18030 with CRLF, one paragraph per line', () => {
    for (const story of pkg.manifest.stories) {
      const bytes = pkg.files[story.files.txt!]!;
      const decoded = iconv.decode(Buffer.from(bytes), 'gb18030');
      expect(decoded.endsWith('\r\n')).toBe(true);
      expect(decoded.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(decoded.split('\r\n').slice(0, -1)).toEqual(expected(story.id).map(([, t]) => t));
      // Not UTF-8 by accident: GB18030 bytes for CJK differ from UTF-8's.
      expect(Buffer.from(bytes).equals(Buffer.from(decoded, 'utf8'))).toBe(false);
    }
  });

  it('lists a name character outside GBK as a warning, and still carries it', () => {
    const story = pkg.manifest.stories.find((s) => s.headline.startsWith('两株企'))!;
    expect(pkg.manifest.warnings).toEqual([{ articleId: story.id, message: expect.stringContaining('𠮷') }]);
    expect(pkg.manifest.warnings[0]!.message).toContain('U+20BB7');
    expect(iconv.decode(Buffer.from(pkg.files[story.files.txt!]!), 'gb18030')).toContain('𠮷田');
  });
});
