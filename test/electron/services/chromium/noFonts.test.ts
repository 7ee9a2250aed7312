// No fonts, no crash: on a machine whose fontconfig names no font folder at all (a slim container), the
// npm-shipped Chromium still prints the proof's text, from the app's own faces given to it through fontconfig.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFontConfig } from '../../../../electron/services/chromium/appFontConfig';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'newsdesk.js');
const SAMPLE = join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'sample');
let dir: string;
let noFonts: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-nofonts-'));
  noFonts = join(dir, 'fonts.conf');
  // A valid configuration that names no font folder: fontconfig finds nothing, as in a slim image.
  await writeFile(
    noFonts,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++)
    text += (await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  await doc.destroy();
  return text.replace(/\s+/g, '');
}

describe('the npm-shipped Chromium on a machine without fonts', () => {
  it('is given a fontconfig holding the app faces as TrueType, then the machine configuration', async () => {
    const conf = await appFontConfig(noFonts);
    expect(conf).not.toBeNull();
    const text = await readFile(conf!, 'utf8');
    const ttfDir = /<dir>([^<]+)<\/dir>/.exec(text)![1]!;
    expect(text).toContain(`<include ignore_missing="yes">${noFonts}</include>`);
    const faces = (await readdir(ttfDir)).filter((f) => f.endsWith('.ttf'));
    // Every unicode-range slice of Noto Serif SC and Noto Sans SC, regular and bold.
    expect(faces.filter((f) => f.startsWith('noto-serif-sc-') && f.endsWith('-400-normal.ttf')).length).toBeGreaterThan(
      90,
    );
    expect(faces.filter((f) => f.startsWith('noto-sans-sc-') && f.endsWith('-700-normal.ttf')).length).toBeGreaterThan(
      90,
    );
    const head = (await readFile(join(ttfDir, faces[0]!))).subarray(0, 4);
    expect([...head]).toEqual([0, 1, 0, 0]);
    expect(dirname(ttfDir)).toBe(dirname(conf!));
  });

  it('prints the proof with its text through the installed command', { timeout: 240_000 }, async () => {
    const env = {
      ...process.env,
      NEWSDESK_STORE: join(dir, 'store'),
      NEWSDESK_CONFIG_DIR: join(dir, 'config'),
      FONTCONFIG_FILE: noFonts,
      NEWSDESK_CHROMIUM: 'bundled',
    };
    const cli = (...args: string[]) => run(process.execPath, [BIN, ...args], { env });
    await cli('issue', 'create', '2026-07-01', '--template', '4版');
    const id = (await cli('import-copy', join(SAMPLE, '01-industrial-internet.txt'))).stdout.trim();
    await cli('place', id, '2026-07-01', 'A01', 'A01-2');
    const out = join(dir, 'out.zip');
    await cli('export', '2026-07-01', '--out', out, '--formats', 'pdf', '--force');
    const pdf = unzipSync(new Uint8Array(await readFile(out)))['proofs/2026-07-01.pdf']!;
    const text = await pdfText(pdf);
    expect(text).toContain('国家级工业互联网试点示范');
    expect(text).toContain('DRAFT');
  });
});
