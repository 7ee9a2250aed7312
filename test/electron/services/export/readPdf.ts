/** Reads a printed proof back with pdfjs-dist (an independent PDF reader): each page's text and its fonts. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageRead {
  text: string;
  fonts: { name: string; embedded: boolean }[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPageRead[]> {
  const doc = await getDocument({
    data: bytes.slice(),
    disableFontFace: true,
    fontExtraProperties: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: PdfPageRead[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join('');
    await page.getOperatorList();
    const fonts = Object.keys(content.styles).map((id) => {
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean; data?: Uint8Array };
      return { name: font.name, embedded: !font.missingFile && (font.data?.length ?? 0) > 0 };
    });
    pages.push({ text, fonts });
  }
  await doc.destroy();
  return pages;
}

export const squeeze = (s: string) => s.replace(/\s+/g, '');
