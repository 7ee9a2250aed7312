/**
 * Prints proof pages to PDF in headless Chromium through playwright-core (CLI, tests, bench).
 * Each page is served from a private origin so its fonts load as ordinary web fonts.
 */
import type { Browser } from 'playwright-core';
import { findChromium } from '../chromium/findChromium';
import { proofFontCss, proofFontFile } from './proofFonts';
import type { ProofPage } from './packageJob';
import type { ProofPrinter } from './runPackageWorker';

const ORIGIN = 'http://proof.newsdesk.invalid';

/** The proof HTML with the bundled faces declared first, so the renderer's font-family names resolve to them. */
export function withProofFonts(html: string, urlFor: (pkg: string, file: string) => string): string {
  const style = `<style>${proofFontCss(urlFor)}</style>`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${style}`) : `${style}${html}`;
}

export class ChromiumProofPrinter implements ProofPrinter {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      const { executablePath, args } = await findChromium();
      return chromium.launch({ executablePath, args, headless: true });
    })();
    return this.browser;
  }

  async print(pages: ProofPage[]): Promise<Uint8Array[]> {
    const browser = await this.launch();
    const context = await browser.newContext();
    try {
      const html = new Map(
        pages.map((p, i) => [`/page-${i}.html`, withProofFonts(p.html, (pkg, f) => `/fonts/${pkg}/${f}`)]),
      );
      await context.route(`${ORIGIN}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname;
        const page = html.get(path);
        if (page !== undefined) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page });
        const m = /^\/fonts\/(@fontsource\/[a-z-]+)\/([^/]+)$/.exec(path);
        const font = m ? proofFontFile(m[1]!, m[2]!) : null;
        if (font) return route.fulfill({ contentType: 'font/woff2', body: font });
        return route.fulfill({ status: 404, body: '' });
      });
      const out: Uint8Array[] = [];
      const tab = await context.newPage();
      for (let i = 0; i < pages.length; i++) {
        await tab.goto(`${ORIGIN}/page-${i}.html`, { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready.then(() => undefined));
        out.push(new Uint8Array(await tab.pdf({ preferCSSPageSize: true, printBackground: true })));
      }
      return out;
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close();
  }
}
