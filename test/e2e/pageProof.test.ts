/** The page proof in Chromium: real columns, real overset and underset, 禁则 held, jump lines set. */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofFontCss } from '../../electron/services/pageplan/proofFontCss';
import type { Article } from '../../shared/model/article';
import type { IssueContent } from '../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../shared/model/pageGeometry';
import { measureSlotsScript, type SlotFit } from '../../shared/proof/layout/measureSlots';
import { readLaidOutLinesScript } from '../../renderer/features/pageplan/layout/readLaidOutLines';
import { renderPageProof } from '../../shared/proof/renderPageProof';
import { lineBreakViolations } from '../../shared/rules/pageplan/kinsoku';
import { PAGE_TEMPLATES } from '../../shared/rules/pageplan/pageTemplates';
import { fixtureArticle } from '../fixtures/pageplan/proofStories';
import { launchChromium } from './harness';

const stories: Article[] = [
  fixtureArticle(1, 'a-lead00001', { chars: 1500, photos: 1 }),
  // Far more than its 5-column slot holds: overset.
  fixtureArticle(0, 'a-over00001', { chars: 3000, photos: 1 }),
  // A short story in a long slot: underset.
  fixtureArticle(2, 'a-under0001', { chars: 200 }),
  fixtureArticle(3, 'a-jump00001', { chars: 2500 }),
  fixtureArticle(4, 'a-brief0001', { chars: 600, photos: 1 }),
];

function plan(): IssueContent {
  const pages = PAGE_TEMPLATES['4版']!();
  const ids = ['a-lead00001', 'a-over00001', 'a-under0001', 'a-jump00001', 'a-brief0001'];
  pages[0]!.slots.forEach((s, i) => (s.articleId = ids[i]));
  pages[1]!.slots[2]!.articleId = 'a-jump00001';
  return { date: '2026-12-01', number: 12345, pages };
}

async function show(page: Page, label: string, fonts: boolean): Promise<SlotFit[]> {
  const proof = renderPageProof({
    plan: plan(),
    pageLabel: label,
    stories: new Map(stories.map((s) => [s.id, s])),
    geometry: BROADSHEET_GEOMETRY,
    paperName: '株洲日报',
    assetUrl: (a) => a,
    fontCss: fonts ? proofFontCss() : '',
  });
  const file = join(tmpdir(), `newsdesk-proof-${label}.html`);
  await writeFile(file, proof.html);
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
  return (await page.evaluate(measureSlotsScript())) as SlotFit[];
}

describe('the page proof in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 2050 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks the overset story with lines and 字, and the underset slot with its empty lines', async () => {
    const fits = await show(page, 'A01', true);
    const over = fits.find((f) => f.articleId === 'a-over00001')!;
    expect(over.oversetLines).toBeGreaterThan(10);
    expect(over.oversetChars).toBeGreaterThan(over.oversetLines * 6);
    expect(over.oversetText.length).toBeGreaterThan(0);
    expect(await page.textContent('#np-A01-A01-2 .np-fit-over')).toMatch(
      new RegExp(`超 ${over.oversetLines} 行 ${over.oversetChars} 字`),
    );

    const under = fits.find((f) => f.articleId === 'a-under0001')!;
    expect(under.oversetLines).toBe(0);
    expect(under.emptyLines).toBeGreaterThan(30);
    expect(await page.textContent('#np-A01-A01-3 .np-fit-under')).toBe(`空 ${under.emptyLines} 行`);
    expect(await page.locator('#np-A01-A01-3 .np-empty-lines').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(tmpdir(), 'newsdesk-proof-A01.png') });
  });

  it('sets the jump lines on both pages', async () => {
    await show(page, 'A01', false);
    expect(await page.textContent('#np-A01-A01-4 .np-jump')).toBe('（下转A2版）');
    await show(page, 'A02', false);
    expect(await page.textContent('#np-A02-A02-3 .np-jump-in')).toBe('（上接A1版）');
    await page.screenshot({ path: join(tmpdir(), 'newsdesk-proof-A02.png') });
  });

  it('measures a fitting story as neither overset nor underset by more than its last lines', async () => {
    const fits = await show(page, 'A01', false);
    const brief = fits.find((f) => f.articleId === 'a-brief0001')!;
    expect(brief.usedLines).toBeGreaterThan(0);
    expect(brief.capacityLines).toBeGreaterThan(0);
  });

  it('breaks no line before closing or after opening punctuation (禁则)', async () => {
    await show(page, 'A01', false);
    const laid = (await page.evaluate(readLaidOutLinesScript())) as { lines: string[] }[];
    const lines = laid.flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThan(100);
    expect(lineBreakViolations(lines)).toEqual([]);
  });
});
