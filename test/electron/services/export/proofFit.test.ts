// The proof and the gate are one measurement: the export lays the issue out in Chromium, refuses a story its
// slot cannot hold (by name, in lines) even when its 字数 is within the tolerance, never prints a story without
// its end, marks a forced draft's overset where the text stops, and leaves the figure for the flatplan.
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../../shared/model/article';
import type { Slot } from '../../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import { countBody } from '../../../../shared/rules/charCount';
import { pageGrid, slotRegion } from '../../../../shared/rules/pageplan/pageGrid';
import { PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';
import { slotCapacity } from '../../../../shared/rules/pageplan/slotCapacity';
import { openTempStore, type TempStore } from '../tempStore';
import { ISSUE_DATE } from './exportFixture';
import { exportTo, openPackage } from './exportedPackage';
import { readPdf, squeeze } from './readPdf';
import { expectStoryEndsPrinted, storyEnd } from './storyEnds';

const grid = pageGrid(BROADSHEET_GEOMETRY);
const [A01, A02] = PAGE_TEMPLATES['4版']!();
/** A01's 3-column slot under the lead: 23 body lines a column. */
const NARROW = A01!.slots[2]!;
const WIDE = A01!.slots[3]!;
const LONG = A02!.slots[2]!;
const capacityOf = (slot: Slot) => slotCapacity(slotRegion(slot, grid), grid);

const PHRASE = '市区道路改造工程稳步推进沿线居民出行更加便利';
/** `n` 字 of running text without punctuation (so 禁则 moves no character), ending in `end`. */
function text(n: number, end = ''): string {
  let s = '';
  while ([...s].length < n - [...end].length) s += PHRASE;
  return [...s].slice(0, n - [...end].length).join('') + end;
}
const p = (t: string) => ({ type: 'paragraph' as const, children: [{ text: t }] });

let store: TempStore;
afterEach(() => store?.cleanup());

async function approvedStory(content: Partial<ArticleContent>): Promise<string> {
  const s = store.services;
  const created = await s.articles.create('story', { bylines: [{ role: '记者', name: '张三' }], ...content }, '测试');
  const approved = await s.articles.update(created.id, created.revision, '测试', (a) => ({ ...a, status: 'approved' }));
  return approved.id;
}

/** Slots as a newsroom's plan holds them: region from the template, target the computed capacity in 字. */
const placed = (slot: Slot, articleId: string): Slot => ({ ...slot, targetChars: capacityOf(slot).chars, articleId });

/** A part of a story that jumps, with the whole story's 字 typed as the target (a manual target hides nothing). */
const jumpPart = (slot: Slot, articleId: string): Slot => ({
  ...slot,
  targetChars: 2000,
  targetManual: true,
  articleId,
});

/**
 * The issue's case: short paragraphs. Each of 13 字 takes two lines (indent and all), so the story's 字 are
 * far under its slot's 字 target while its lines run past the slot: the count passes, the layout does not.
 */
async function shortParagraphStory(slot: Slot): Promise<{ id: string; chars: number }> {
  const paragraphs = Math.floor(capacityOf(slot).lines / 2) + 3;
  const body = Array.from({ length: paragraphs }, (_, i) => p(text(13, i === paragraphs - 1 ? '末段结束语句' : '')));
  const id = await approvedStory({ headline: '短段落多的稿件', body });
  return { id, chars: countBody(body) };
}

describe('the export measures every placed story in the layout it prints', () => {
  it('refuses a story whose 字 are within the tolerance but whose lines are not, by name and in lines', async () => {
    store = await openTempStore();
    const { id, chars } = await shortParagraphStory(NARROW);
    // The old gate's reading: 字 against the slot's 字 target passes with room to spare.
    expect(chars - capacityOf(NARROW).chars).toBeLessThan(20);
    await store.services.issues.create(
      { date: ISSUE_DATE, number: 1, pages: [{ label: 'A01', section: '要闻', slots: [placed(NARROW, id)] }] },
      '测试',
    );
    const { zipPath, result } = await exportTo(store, 'refused.zip', ['pdf']);
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.problems.map((x) => [x.code, x.articleId])).toEqual([['overset', id]]);
    const over = Number(/超 (\d+) 行/.exec(result.problems[0]!.message)?.[1]);
    expect(over).toBeGreaterThanOrEqual(2);
    expect(result.problems[0]!.message).toContain('《短段落多的稿件》');
    expect(result.problems[0]!.message).not.toContain('估算');

    // The flatplan now shows the layout's figure for that slot, not the estimate.
    const plan = await store.client.call('pageplan.flatplan', { date: ISSUE_DATE });
    if (!plan.ok) throw new Error(plan.error.message);
    const row = plan.value.rows.find((r) => r.articleId === id)!;
    expect(row.measured).toBe(true);
    expect(row.actualLines - row.targetLines).toBe(over);
    expect(row.problems).toContain('overset');

    // Forced, the draft prints where the text stops how many lines are missing.
    const forced = await exportTo(store, 'forced.zip', ['pdf'], true);
    expect(forced.result.status).toBe('exported');
    const { files, manifest } = await openPackage(forced.zipPath);
    expect(manifest.problems.map((x) => x.code)).toEqual(['overset']);
    const [page] = await readPdf(files[`proofs/${ISSUE_DATE}.pdf`]!);
    expect(squeeze(page!.text)).toContain(`超${over}行`);
    expect(zipPath).not.toBe(forced.zipPath);
  });

  it('prints the end of every story in an unforced export: a story set tighter within the tolerance, a jump, photos', async () => {
    store = await openTempStore();
    // One line over its slot: within the default tolerance (20 字 = one line of 12), so it is set tighter.
    const narrow = capacityOf(NARROW);
    const overByOne = (narrow.lines + 1) * grid.charsPerLine - 2;
    const tight = await approvedStory({
      headline: '紧排一行的稿件',
      body: [p(text(overByOne, '紧排稿件最后十二字。'))],
    });
    const jump = await approvedStory({
      headline: '转版的长稿',
      body: Array.from({ length: 14 }, (_, i) => p(text(100, i === 13 ? '转版稿件在下一版结束。' : '。'))),
    });
    const short = await approvedStory({
      headline: '短稿',
      body: [p('记者从市交通运输局获悉，三条新线路下周一开通。')],
    });
    await store.services.issues.create(
      {
        date: ISSUE_DATE,
        number: 1,
        pages: [
          { label: 'A01', section: '要闻', slots: [placed(NARROW, tight), jumpPart(WIDE, jump)] },
          { label: 'A02', section: '综合', slots: [placed(A02!.slots[1]!, short), jumpPart(LONG, jump)] },
        ],
      },
      '测试',
    );
    const { zipPath, result } = await exportTo(store, 'clean.zip', ['pdf']);
    expect(result.status === 'exported' ? [] : result.problems).toEqual([]);
    expect(await expectStoryEndsPrinted(store, zipPath)).toBe(3);
    expect(await storyEnd(store, tight)).toMatch(/紧排稿件最后十二字。$/);

    const plan = await store.client.call('pageplan.flatplan', { date: ISSUE_DATE });
    if (!plan.ok) throw new Error(plan.error.message);
    const row = plan.value.rows.find((r) => r.articleId === tight)!;
    // The flatplan tells the desk the truth as first set: one line over, which the tolerance let through tightened.
    expect([row.measured, row.actualLines - row.targetLines]).toEqual([true, 1]);
  });
});
