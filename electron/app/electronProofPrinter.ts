/** Prints the export's proof document inside the app: a hidden window and webContents.printToPDF. */
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ProofPrinter } from '../services/export/runPackageWorker';

export const electronProofPrinter: ProofPrinter = {
  async print(html) {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-proof-'));
    // No preload and no Node: the window only lays out the standalone proof (no scripts in it).
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      const file = join(dir, 'proof.html');
      await writeFile(file, html);
      await win.loadURL(pathToFileURL(file).href);
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  },
  // The app prints with the Chromium inside Electron.
  engine: () => Promise.resolve(`Chromium ${process.versions.chrome}`),
};
