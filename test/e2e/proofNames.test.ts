/**
 * The page proof never breaks a line inside a personal name (issue 22: 陈正/明), in the byline or in a
 * photo credit, and prints paper, role and name as the paper's byline does (株洲日报见习记者 李想): laid
 * out in the same Chromium and fonts as the export's proof.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofFontCss } from '../../electron/services/pageplan/proofFontCss';
import type { Article } from '../../shared/model/article';
import type { Byline } from '../../shared/model/people';
import type { IssueContent } from '../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../shared/model/pageGeometry';
import { renderPageProof } from '../../shared/proof/renderPageProof';
import { PAGE_TEMPLATES } from '../../shared/rules/pageplan/pageTemplates';
import { fixtureArticle } from '../fixtures/pageplan/proofStories';
import { launchChromium } from './harness';

const NAMES = ['陈正明', '欧阳娜娜', '李想', '王小明', '赵一鸣', '尹照', '刘德华', '张学友', '高晓燕', '司马相如'];

/** Stories whose bylines and photo credits put names at every position along a line, one per slot. */
function storiesFor(slots: number): Article[] {
  return Array.from({ length: slots }, (_, i) => {
    const a = fixtureArticle(i, `a-names${String(i).padStart(4, '0')}`, { chars: 400, photos: 1 });
    const names = Array.from({ length: 4 + (i % 5) }, (_, k) => NAMES[(i + k) % NAMES.length]!);
    const bylines: Byline[] = names.map((name, k) => ({ role: k % 2 === 0 ? '全媒体记者' : '见习记者', name }));
    const body = a.body.map((b) =>
      b.type === 'photo'
        ? {
            ...b,
            caption: '图'.repeat(i % 7),
            credit: { kind: 'photographer' as const, role: '全媒体记者', name: NAMES[i % NAMES.length]! },
          }
        : b,
    );
    return { ...a, source: '株洲日报', bylines, correspondents: [{ name: NAMES[(i + 5) % NAMES.length]! }], body };
  });
}

async function show(page: Page, stories: Article[], plan: IssueContent, label: string): Promise<void> {
  const proof = renderPageProof({
    plan,
    pageLabel: label,
    stories: new Map(stories.map((s) => [s.id, s])),
    geometry: BROADSHEET_GEOMETRY,
    paperName: '株洲日报',
    assetUrl: (a) => a,
    fontCss: proofFontCss(),
  });
  const file = join(tmpdir(), `newsdesk-proof-names-${label}.html`);
  await writeFile(file, proof.html);
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready);
}

/** Every occurrence of each name in the bylines and credits, and the line tops its characters are set on. */
const SPLIT_NAMES = `(names) => {
  const out = [];
  for (const el of document.querySelectorAll('.np-byline, .np-credit')) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const text = nodes.map((n) => n.nodeValue).join('');
    for (const name of names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const tops = new Set();
        for (let c = at; c < at + name.length; c++) {
          let rest = c, node = null;
          for (const n of nodes) { if (rest < n.nodeValue.length) { node = n; break; } rest -= n.nodeValue.length; }
          const r = document.createRange();
          r.setStart(node, rest);
          r.setEnd(node, rest + 1);
          const rect = r.getClientRects()[0];
          if (rect) tops.add(Math.round(rect.top));
        }
        out.push({ name, where: el.className, lines: tops.size });
      }
    }
  }
  return out;
}`;

describe('names in the page proof', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 2050 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('never breaks a line inside a name in a byline or photo credit', async () => {
    const pages = PAGE_TEMPLATES['4版']!();
    const slotCount = pages.slice(0, 3).reduce((n, p) => n + p.slots.length, 0);
    const stories = storiesFor(slotCount);
    let k = 0;
    for (const p of pages.slice(0, 3)) for (const s of p.slots) s.articleId = stories[k++]!.id;
    const plan: IssueContent = { date: '2026-12-01', number: 12345, pages };
    const found: { name: string; where: string; lines: number }[] = [];
    for (const label of ['A01', 'A02', 'A03']) {
      await show(page, stories, plan, label);
      found.push(...((await page.evaluate(`(${SPLIT_NAMES})(${JSON.stringify(NAMES)})`)) as typeof found));
      if (label === 'A01')
        await page.screenshot({ path: '/tmp/proof-names-A01.png', clip: { x: 0, y: 750, width: 1000, height: 800 } });
    }
    // Enough names, in both places, that some fall at a line's end.
    expect(found.filter((f) => f.where.includes('np-byline')).length).toBeGreaterThan(60);
    expect(found.filter((f) => f.where.includes('np-credit')).length).toBeGreaterThan(5);
    expect(found.filter((f) => f.lines !== 1)).toEqual([]);
  });

  it('prints paper, role and name as the byline does, a role the paper’s list lacks kept as printed', async () => {
    const pages = PAGE_TEMPLATES['4版']!();
    const a = fixtureArticle(0, 'a-byline0001', { chars: 300 });
    const story: Article = {
      ...a,
      source: '株洲日报',
      bylines: [
        { role: '见习记者', name: '李想' },
        { role: '全媒体记者', name: '陈正明' },
      ],
      correspondents: [{ name: '尹照' }],
    };
    pages[0]!.slots[0]!.articleId = story.id;
    await show(page, [story], { date: '2026-12-01', number: 1, pages }, 'A01');
    expect(await page.textContent('.np-byline')).toBe(
      '株洲日报见习记者 李想\u3000株洲日报全媒体记者 陈正明\u3000通讯员 尹照',
    );
  });
});
