/**
 * Prints the export's proof document inside the app: a hidden window, measured, then webContents.printToPDF.
 * The document is served on the app's own protocol (app://proof), so no file: URL is loaded and
 * the GrantFileProtocolExtraPrivileges fuse stays off.
 */
import { BrowserWindow } from 'electron';
import { measureSlotsScript } from '../../shared/proof/layout/measureSlots';
import { parseSlotFits, type ProofPrinter } from '../services/export/proofPrinter';
import { proofDocuments } from './appProtocol';

export const electronProofPrinter: ProofPrinter = {
  async open(html) {
    const staged = proofDocuments.stage(html);
    // No preload and no Node. The proof holds no scripts; JavaScript is on only for the measurement main
    // runs in it (executeJavaScript), the same one the export gate and the app's live proof use.
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
    });
    const close = async () => {
      win.destroy();
      staged.release();
    };
    try {
      await win.loadURL(staged.url);
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
  // The app prints with the Chromium inside Electron.
  engine: () => Promise.resolve(`Chromium ${process.versions.chrome}`),
};
