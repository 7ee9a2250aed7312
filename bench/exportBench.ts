/**
 * Export figures for a 16-page issue with 80 stories and 40 photos: the package without PDF
 * (median of 3, through the worker as the app runs it) and the PDF proof of all 16 pages (median of 3);
 * the first (cold) run of each, which also starts the worker or Chromium, is reported apart.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localServices, openRuntime, type Runtime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import type { ExportFormat } from '../shared/export/manifest';
import type { Block } from '../shared/model/document';
import { BROADSHEET_GEOMETRY } from '../shared/model/pageGeometry';
import { bandOf, pageGrid, slotRegion } from '../shared/rules/pageplan/pageGrid';
import { PAGE_TEMPLATES } from '../shared/rules/pageplan/pageTemplates';
import { slotCapacity } from '../shared/rules/pageplan/slotCapacity';
import { median } from './stats';

export const BENCH_DATE = '2026-06-01';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A 480 × 320 RGB picture, different for every seed, so 40 photos are 40 files of realistic size. */
function photoPng(seed: number): Buffer {
  const w = 480;
  const h = 320;
  const rows = Buffer.alloc((w * 3 + 1) * h);
  let x = seed * 2654435761;
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    for (let i = 0; i < w * 3; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      rows[row + 1 + i] = ((i + y + seed * 37) & 0xff) ^ (x >>> 28);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SENTENCE = '株洲市持续推进工业互联网试点示范，企业数字化转型提速，供应链协同效率明显提升。';

export async function makeBenchIssue(rt: Runtime): Promise<void> {
  const s = localServices(rt);
  const pages = PAGE_TEMPLATES['16版']!();
  const grid = pageGrid(BROADSHEET_GEOMETRY);
  let n = 0;
  for (const page of pages) {
    for (const slot of page.slots) {
      // Eight paragraphs of eight lines each, fewer where the slot holds less: the issue must pass the gate,
      // which reads every story's lines from the layout it prints.
      const lines = slotCapacity(slotRegion(slot, grid, bandOf({ pages }, page, slot.id)), grid).lines;
      const paragraphs = Math.max(1, Math.min(8, Math.floor((lines * 0.9) / 8)));
      const body: Block[] = Array.from({ length: paragraphs }, (_, p) => ({
        type: 'paragraph' as const,
        children: [{ text: `（${n}-${p}）${SENTENCE.repeat(2)}` }],
      }));
      if (n % 2 === 0) {
        const { asset } = await s.assets.importImage(`p${n}.png`, photoPng(n).toString('base64'));
        body.splice(1, 0, {
          type: 'photo',
          asset,
          caption: `第${n}篇配图：智能制造车间。`,
          credit: { kind: 'photographer', role: '全媒体记者', name: '王强' },
          children: [{ text: '' }],
        });
      }
      const a = await s.articles.create(
        'story',
        {
          kicker: n % 3 === 0 ? '聚焦产业升级' : '',
          headline: `${page.label}版第${n}篇：工业互联网赋能制造业`,
          subheadline: n % 4 === 0 ? '全市已有十二家企业入选' : '',
          bylines: [{ role: '全媒体记者', name: '高晓燕' }],
          correspondents: [{ name: '李明' }],
          body,
        },
        'bench',
      );
      await s.articles.update(a.id, a.revision, 'bench', (x) => ({ ...x, status: 'approved' }));
      slot.articleId = a.id;
      slot.targetChars = 2000;
      n++;
    }
  }
  await s.issues.create({ date: BENCH_DATE, number: 9001, pages }, 'bench');
}

async function timed(rt: Runtime, out: string, formats: ExportFormat[]): Promise<number> {
  const t0 = performance.now();
  const res = await rt.client.call('export.issue', { date: BENCH_DATE, out, formats });
  if (!res.ok || res.value.status !== 'exported') throw new Error(`export failed: ${JSON.stringify(res)}`);
  return performance.now() - t0;
}

export async function runExportBench(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-export-bench-'));
  const rt = await openRuntime({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend({ userName: 'bench', role: 'layout' })),
    version: 'bench',
  });
  try {
    await makeBenchIssue(rt);
    const packageMs: number[] = [];
    for (let i = 0; i < 3; i++)
      packageMs.push(await timed(rt, join(dir, `package-${i}.zip`), ['nitf', 'docx', 'icml', 'txt', 'json']));
    // The first print also launches Chromium (as a one-shot CLI export does); the figure is the app's, warm.
    const pdfMs: number[] = [];
    for (let i = 0; i < 3; i++) pdfMs.push(await timed(rt, join(dir, `proofs-${i}.zip`), ['pdf']));
    return {
      'export.package_ms@16pages': median(packageMs),
      'export.package_cold_ms@16pages': packageMs[0]!,
      'export.pdf_ms@16pages': median(pdfMs),
      'export.pdf_cold_ms@16pages': pdfMs[0]!,
    };
  } finally {
    await rt.close();
    await rm(dir, { recursive: true, force: true });
  }
}
