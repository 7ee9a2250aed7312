/**
 * Prints the proof document to PDF in headless Chromium through playwright-core (CLI, tests, bench).
 * The document is loaded from a temp file so its file: font URLs load like the app's own fonts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { measureSlotsScript } from '../../../shared/proof/layout/measureSlots';
import { findChromium } from '../chromium/findChromium';
import { parseSlotFits, type ProofPrinter, type ProofSession } from './proofPrinter';

export class ChromiumProofPrinter implements ProofPrinter {
  private browser: Promise<Browser> | null = null;

  private launch(): Promise<Browser> {
    this.browser ??= (async () => {
      const { chromium } = await import('playwright-core');
      const { executablePath, args, env } = await findChromium();
      return chromium.launch({ executablePath, args, headless: true, env: { ...process.env, ...env } });
    })();
    return this.browser;
  }

  async open(html: string): Promise<ProofSession> {
    const browser = await this.launch();
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-proof-'));
    const page = await browser.newPage();
    const close = async () => {
      await page.close();
      await rm(dir, { recursive: true, force: true });
    };
    try {
      const file = join(dir, 'proof.html');
      await writeFile(file, html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Runs in the page (a string, since main has no DOM types): measure and print only once the CJK faces are in.
      await page.evaluate('document.fonts.ready.then(() => undefined)');
    } catch (e) {
      await close();
      throw e;
    }
    return {
      measure: async (options) => parseSlotFits(await page.evaluate(measureSlotsScript(options))),
      print: async () => new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true })),
      close,
    };
  }

  async engine(): Promise<string> {
    return `Chromium ${(await this.launch()).version()}`;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b).close();
  }
}
