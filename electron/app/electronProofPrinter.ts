/** Prints the export's proof document inside the app: a hidden window, measured, then webContents.printToPDF. */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { measureSlotsScript } from '../../shared/proof/layout/measureSlots';
import { parseSlotFits, type ProofPrinter } from '../services/export/proofPrinter';

export const electronProofPrinter: ProofPrinter = {
  async open(html) {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-proof-'));
    // No preload and no Node. The proof holds no scripts; JavaScript is on only for the measurement main
    // runs in it (executeJavaScript), the same one the export gate and the app's live proof use.
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
    });
    const close = async () => {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    };
    try {
      const file = join(dir, 'proof.html');
      await writeFile(file, html);
      await win.loadURL(pathToFileURL(file).href);
      await win.webContents.executeJavaScript('document.fonts.ready.then(() => undefined)');
    } catch (e) {
      await close();
      throw e;
    }
    return {
      measure: async (options) => parseSlotFits(await win.webContents.executeJavaScript(measureSlotsScript(options))),
      print: async () =>
        new Uint8Array(await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true })),
      close,
    };
  },
};
