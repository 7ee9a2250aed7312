/**
 * Page plan figures: placing one story and reading back the flatplan of a 16-page issue with 80 stories,
 * and a full page proof (6 stories, 3 photos) rendered, laid out and measured in Chromium; then the flatplan's
 * thumbnails and a slot's resize in the app itself (pageplanUiBench.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../electron/services/chromium/findChromium';
import { proofFontCss } from '../electron/services/pageplan/proofFontCss';
import { localServices, openRuntime } from '../electron/runtime/openRuntime';
import { memorySettingsBackend, SettingsService } from '../electron/services/settingsService';
import type { Article } from '../shared/model/article';
import type { IssueContent } from '../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../shared/model/pageGeometry';
import { measureSlotsScript } from '../shared/proof/layout/measureSlots';
import { renderPageProof } from '../shared/proof/renderPageProof';
import { fixtureArticle } from '../test/fixtures/pageplan/proofStories';
import { percentile } from './stats';
import { pageplanUiFigures } from './pageplanUiBench';

const DATE = '2026-12-01';

async function flatplanFigure(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-plan-'));
  const runtime = await openRuntime({
    dataDir: dir,
    settings: new SettingsService(memorySettingsBackend({ userName: '版面', role: 'layout' })),
    version: 'bench',
  });
  try {
    const { client } = runtime;
    const services = localServices(runtime);
    const created = await client.call('pageplan.createIssue', { date: DATE, template: '16版' });
    if (!created.ok) throw new Error(created.error.message);
    const slots = created.value.pages.flatMap((p) => p.slots.map((s) => ({ page: p.label, slotId: s.id })));
    const ids: string[] = [];
    for (let i = 0; i < 80; i++) {
      const {
        id: _i,
        status: _s,
        revision: _r,
        placement: _p,
        spikedFrom: _f,
        createdAt: _c,
        createdBy: _b,
        updatedAt: _u,
        updatedBy: _v,
        ...content
      } = fixtureArticle(i, 'a-placeholder', { chars: 500 + ((i * 137) % 1500), photos: i % 2 });
      const a = await services.articles.create('story', content, '记者');
      await services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status: 'approved' }));
      ids.push(a.id);
    }
    for (let i = 0; i < 79; i++) {
      const r = await client.call('pageplan.place', { articleId: ids[i]!, date: DATE, ...slots[i]! });
      if (!r.ok) throw new Error(r.error.message);
    }
    const last = ids[79]!;
    const times: number[] = [];
    for (let run = 0; run < 25; run++) {
      const t0 = performance.now();
      const placed = await client.call('pageplan.place', { articleId: last, date: DATE, ...slots[79]! });
      const plan = await client.call('pageplan.flatplan', { date: DATE });
      const ms = performance.now() - t0;
      if (!placed.ok || !plan.ok) throw new Error('place or flatplan failed');
      if (plan.value.rows.filter((r) => r.articleId).length !== 80) throw new Error('flatplan is missing a story');
      if (run > 0) times.push(ms);
      await client.call('pageplan.unplace', { articleId: last });
    }
    return percentile(times, 50);
  } finally {
    await runtime.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A grey 3:2 test picture with some structure, so the browser decodes and scales a real image. */
const PHOTO = `data:image/svg+xml;base64,${Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#6a7a8c"/><stop offset="1" stop-color="#d8dde3"/></linearGradient></defs><rect width="1200" height="800" fill="url(#g)"/><circle cx="380" cy="330" r="160" fill="#3d4a57"/><rect x="640" y="260" width="420" height="380" fill="#8c99a6"/></svg>`,
).toString('base64')}`;

/** A front page of six slots, three of them with a photo. */
function proofPlan(): { plan: IssueContent; stories: Map<string, Article> } {
  const shapes: [number, number, number, number, number, 'banner' | 'large' | 'medium' | 'small'][] = [
    [0, 8, 14, 30, 1, 'banner'],
    [0, 5, 44, 30, 1, 'large'],
    [5, 3, 44, 30, 0, 'medium'],
    [0, 3, 74, 28, 0, 'medium'],
    [3, 3, 74, 28, 1, 'small'],
    [6, 2, 74, 28, 0, 'small'],
  ];
  const stories = new Map<string, Article>();
  const slots = shapes.map(([col, cols, line, lines, photos, headline], i) => {
    const id = `a-benchstory${i}`;
    const a = fixtureArticle(i, id, { chars: [1200, 1400, 900, 700, 500, 450][i], photos });
    a.body = a.body.map((b) => (b.type === 'photo' ? { ...b, asset: `photo${i}.jpg` } : b));
    stories.set(id, a);
    return { id: `A01-${i + 1}`, targetChars: 0, articleId: id, col, cols, line, lines, photos, headline };
  });
  return { plan: { date: DATE, number: 12345, pages: [{ label: 'A01', section: '要闻', slots }] }, stories };
}

async function proofFigures(): Promise<{ live: number; cold: number }> {
  const { executablePath, args, env } = await findChromium();
  const browser = await chromium.launch({ executablePath, args, headless: true, env: { ...process.env, ...env } });
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-bench-proof-'));
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 2050 } });
    const { plan, stories } = proofPlan();
    const fontCss = proofFontCss();
    const render = () =>
      renderPageProof({
        plan,
        pageLabel: 'A01',
        stories,
        geometry: BROADSHEET_GEOMETRY,
        paperName: '株洲日报',
        assetUrl: () => PHOTO,
        fontCss,
      });
    // Cold: a fresh document that loads the CJK fonts first (the export's first page).
    const c0 = performance.now();
    const file = join(dir, 'proof.html');
    await writeFile(file, render().html);
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(() => document.fonts.ready);
    await page.evaluate(measureSlotsScript());
    const coldMs = performance.now() - c0;
    // Live: the proof re-rendered into a document whose fonts are loaded, as the app's proof screen does.
    const times: number[] = [];
    for (let run = 0; run < 12; run++) {
      const t0 = performance.now();
      const proof = render();
      await page.evaluate(
        ({ css, markup }) => {
          document.getElementById('np-proof')!.textContent = css;
          document.body.innerHTML = markup;
        },
        { css: proof.css, markup: proof.markup },
      );
      await page.evaluate(() => document.fonts.ready);
      const fits = (await page.evaluate(measureSlotsScript())) as unknown[];
      const ms = performance.now() - t0;
      if (fits.length !== 6) throw new Error(`measured ${fits.length} slots, expected 6`);
      times.push(ms);
      if (run === 0) await page.screenshot({ path: join(tmpdir(), 'newsdesk-bench-proof.png') });
    }
    return { live: percentile(times, 50), cold: coldMs };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runPagePlanBench(): Promise<Record<string, number>> {
  const flatplan = await flatplanFigure();
  const proof = await proofFigures();
  const ui = await pageplanUiFigures();
  return {
    'pageplan.flatplan_ms@16pages': flatplan,
    'pageplan.proof_ms@page': proof.live,
    'pageplan.proof_cold_ms@page': proof.cold,
    ...ui,
  };
}
