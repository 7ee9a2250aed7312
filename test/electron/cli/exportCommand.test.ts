// `newsdesk export` on a fresh store: refused with every problem until the stories are approved, then the zip.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTrailerId } from '../../../electron/services/export/fixPdfIdentity';
import { runNewsdesk, storeEnv, type CliResult } from './runNewsdesk';
import { openTempStore } from '../services/tempStore';

let dir: string;
let env: NodeJS.ProcessEnv;

function newsdesk(...args: string[]): Promise<CliResult> {
  return runNewsdesk(env, args);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsdesk-cli-export-'));
  env = storeEnv(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('newsdesk export', () => {
  it('refuses a malformed call with a usage line', async () => {
    const r = await newsdesk('export', '2026-13', '--out', join(dir, 'x.zip'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export needs a date');
    expect(
      (await newsdesk('export', '2026-05-01', '--out', join(dir, 'x.zip'), '--formats', 'nitf,rtf')).stderr,
    ).toContain('unknown format rtf');
    const tracked = await newsdesk(
      'export',
      '2026-05-01',
      '--out',
      join(dir, 'x.zip'),
      '--formats',
      'nitf',
      '--docx-tracked',
    );
    expect(tracked.code).toBe(2);
    expect(tracked.stderr).toContain('--docx-tracked needs the docx format');
  });

  it(
    'exports the fixture stories once its stories are approved, with progress on stderr',
    { timeout: 240_000 },
    async () => {
      const date = '2026-05-04';
      expect((await newsdesk('issue', 'create', date, '--template', '4版')).code).toBe(0);
      const ids: string[] = [];
      for (const file of ['01-industrial-internet.txt', '02-major-projects.txt']) {
        const r = await newsdesk('import-copy', join(import.meta.dirname, '..', '..', '..', 'assets', 'sample', file));
        ids.push(r.stdout.trim());
      }
      expect((await newsdesk('place', ids[0]!, date, 'A01', 'A01-2')).code).toBe(0);
      expect((await newsdesk('place', ids[1]!, date, 'A01', 'A01-3')).code).toBe(0);
      const out = join(dir, 'out', 'issue.zip');

      const refused = await newsdesk('export', date, '--out', out, '--formats', 'nitf,docx,icml,txt,json');
      expect(refused.code).toBe(1);
      expect(refused.stderr.match(/not_approved/g)).toHaveLength(2);
      expect(existsSync(out)).toBe(false);

      // The desk's approval, done in-process on the same store to keep the test short (the workflow has its own tests).
      const store = await openTempStore({}, join(dir, 'store'));
      for (const id of ids) {
        const a = await store.services.articles.get(id);
        await store.services.articles.update(id, a.revision, '值班总编', (x) => ({ ...x, status: 'placed' }));
      }
      // Release the lock, so the CLI below owns the store instead of finding this process in it.
      await store.close();
      const done = await newsdesk('export', date, '--out', out, '--formats', 'nitf,docx,icml,txt,json');
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout.trim()).toBe(out);
      expect(done.stderr).toMatch(/export: stories 1\/2/);
      expect(done.stderr).toMatch(/export: done/);
      const files = unzipSync(new Uint8Array(await readFile(out)));
      expect(Object.keys(files).filter((f) => f.startsWith('nitf/'))).toHaveLength(2);

      // --docx-tracked alone: a DOCX-only package whose manifest says the DOCX carry Word tracked changes.
      const revisionsOut = join(dir, 'out', 'revisions.zip');
      const revisions = await newsdesk('export', date, '--out', revisionsOut, '--docx-tracked');
      expect(revisions.code, revisions.stderr).toBe(0);
      const revised = unzipSync(new Uint8Array(await readFile(revisionsOut)));
      expect(
        Object.keys(revised)
          .filter((f) => f !== 'manifest.json')
          .every((f) => f.startsWith('docx/')),
      ).toBe(true);
      expect(JSON.parse(new TextDecoder().decode(revised['manifest.json']))).toMatchObject({
        formats: ['docx'],
        docxTrackedChanges: true,
      });
    },
  );

  it(
    'prints the PDF proof through the installed bundle, and the same issue twice gives the same bytes',
    { timeout: 240_000 },
    async () => {
      // The global set-up built dist-cli/ from these sources; bin/newsdesk.js refuses a stale or missing one.
      expect(process.env.NEWSDESK_CLI).toBe('bundle');
      const date = '2026-05-06';
      expect((await newsdesk('issue', 'create', date, '--template', '4版')).code).toBe(0);
      const id = (
        await newsdesk(
          'import-copy',
          join(import.meta.dirname, '..', '..', '..', 'assets', 'sample', '01-industrial-internet.txt'),
        )
      ).stdout.trim();
      expect((await newsdesk('place', id, date, 'A01', 'A01-2')).code).toBe(0);
      const first = join(dir, 'out', 'pdf-1.zip');
      const second = join(dir, 'out', 'pdf-2.zip');
      // Default formats: pdf among them. Forced, since the story is still a draft.
      const one = await newsdesk('export', date, '--out', first, '--force');
      expect(one.code, one.stderr).toBe(0);
      // Chromium writes the clock (to the second) into the PDF unless the export fixes it.
      await new Promise((r) => setTimeout(r, 1100));
      const two = await newsdesk('export', date, '--out', second, '--force');
      expect(two.code, two.stderr).toBe(0);

      const files = unzipSync(new Uint8Array(await readFile(first)));
      const pdf = files[`proofs/${date}.pdf`]!;
      expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
      const text = new TextDecoder('latin1').decode(pdf);
      expect(text).toContain('/CreationDate (D:20260506000000Z)');
      expect(text).toContain('/ModDate (D:20260506000000Z)');
      expect(await pdfTrailerId(pdf)).toHaveLength(2);
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { proofEngine?: string };
      expect(manifest.proofEngine).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+$/);

      const bytes = [await readFile(first), await readFile(second)];
      expect(bytes[0]!.equals(bytes[1]!)).toBe(true);
    },
  );
});
