import { describe, expect, it } from 'vitest';
import type { IssueContent } from '../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../shared/model/pageGeometry';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import { PAGE_TEMPLATES } from '../../../shared/rules/pageplan/pageTemplates';
import { fixtureArticle } from '../../fixtures/pageplan/proofStories';

const lead = fixtureArticle(1, 'a-lead00001', { chars: 800, photos: 1 });
const jump = fixtureArticle(3, 'a-jump00001', { chars: 2500 });

function plan(): IssueContent {
  const pages = PAGE_TEMPLATES['4版']!();
  pages[0]!.slots[0]!.articleId = lead.id;
  pages[0]!.slots[3]!.articleId = jump.id;
  pages[1]!.slots[2]!.articleId = jump.id;
  return { date: '2026-12-01', number: 321, pages };
}

const render = (pageLabel: string, extra: { draft?: boolean } = {}) =>
  renderPageProof({
    plan: plan(),
    pageLabel,
    stories: new Map([lead, jump].map((a) => [a.id, a])),
    geometry: BROADSHEET_GEOMETRY,
    paperName: '株洲日报',
    assetUrl: (a) => `asset:${a}`,
    ...extra,
  });

describe('the page proof markup', () => {
  it('shows a story with pending suggestions as if they were accepted', () => {
    const first = lead.body.find((b) => b.type === 'paragraph')!;
    if (first.type !== 'paragraph') throw new Error('fixture has a paragraph');
    const suggested = {
      ...lead,
      body: lead.body.map((b) =>
        b === first
          ? {
              ...first,
              children: [{ text: '删去的话。', del: 'c1' }, { text: '补上的话。', ins: 'c2' }, ...first.children],
            }
          : b,
      ),
    };
    const { markup } = renderPageProof({
      plan: plan(),
      pageLabel: 'A01',
      stories: new Map([suggested, jump].map((a) => [a.id, a])),
      geometry: BROADSHEET_GEOMETRY,
      paperName: '株洲日报',
      assetUrl: (a) => `asset:${a}`,
    });
    expect(markup).toContain('补上的话。');
    expect(markup).not.toContain('删去的话。');
  });

  it('is a standalone document with its CSS, without scripts or inline styles', () => {
    const { html, markup, css } = render('A01');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page{size:390mm 540mm');
    expect(html).toContain(css);
    expect(html).not.toMatch(/<script/i);
    expect(markup).not.toMatch(/\sstyle=/);
    expect(css).toContain("'Noto Serif SC'");
    expect(css).toContain('line-break:strict');
  });

  it('sets the story with kicker, headline, subheadline, byline line, photo caption and credit', () => {
    const { markup } = render('A01');
    expect(markup).toContain(`<p class="np-kicker">${lead.kicker}</p>`);
    expect(markup).toContain(`<h2 class="np-headline"><span class="np-hl">${lead.headline}</span></h2>`);
    expect(markup).toContain(`<p class="np-subheadline">${lead.subheadline}</p>`);
    // Each personal name is kept whole on a line (no 陈正/明): see test/e2e/proofNames.test.ts.
    expect(markup).toContain('<p class="np-byline">株洲日报全媒体记者 <span class="np-name">周嵩</span></p>');
    expect(markup).toContain('<span class="np-credit">全媒体记者 <span class="np-name">刘军</span> 摄</span>');
    expect(markup).toContain('<span class="np-paper">株洲日报</span>');
    expect(markup).toContain('第 321 期');
  });

  it('splits a jumping story: 下转 closes part 1, 上接 opens part 2, and no text is lost or doubled', () => {
    const a1 = render('A01').markup;
    const a2 = render('A02').markup;
    expect(a1).toContain('（下转A2版）');
    expect(a2).toContain('（上接A1版）');
    const text = (m: string, id: string) => {
      const slot = m.split('<section').find((s) => s.includes(`data-article="${id}"`))!;
      const body = slot.slice(slot.indexOf('class="np-body"'));
      return [...body.matchAll(/<p class="np-p[^"]*">([^<]*)<\/p>/g)].map((x) => x[1]).join('');
    };
    const whole = jump.body.map((b) => (b.type === 'photo' ? '' : b.children.map((c) => c.text).join(''))).join('');
    expect(text(a1, jump.id) + text(a2, jump.id)).toBe(whole);
    expect(text(a2, jump.id).length).toBeGreaterThan(0);
  });

  it('shows empty slots and a draft mark when asked', () => {
    const { markup } = render('A03', { draft: true });
    expect(markup).toContain('空版位 A03-1');
    expect(markup).toContain('草样 DRAFT');
  });
});
