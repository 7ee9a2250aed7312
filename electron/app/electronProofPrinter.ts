/**
 * Prints the export's proof document inside the app: a hidden window and webContents.printToPDF.
 * The document is served on the app's own protocol (app://proof), so no file: URL is loaded and
 * the GrantFileProtocolExtraPrivileges fuse stays off.
 */
import { BrowserWindow } from 'electron';
import type { ProofPrinter } from '../services/export/runPackageWorker';
import { proofDocuments } from './appProtocol';

export const electronProofPrinter: ProofPrinter = {
  async print(html) {
    const staged = proofDocuments.stage(html);
    // No preload and no Node: the window only lays out the standalone proof (no scripts in it).
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      await win.loadURL(staged.url);
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      staged.release();
    }
  },
};
