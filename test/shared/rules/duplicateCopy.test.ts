// 疑似重复: the same headline and at least 90 % of the body, against stories created in the last 7 days.
import { describe, expect, it } from 'vitest';
import { bodySimilarity, duplicateScore, headlineKey } from '../../../shared/rules/copy/duplicateCopy';
import { copyPreviewOf } from '../../../shared/rules/copy/copyPreview';
import { loadCopyFixtures } from './copyFixtures';

const NOW = new Date('2026-12-07T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const fixture = loadCopyFixtures().find((f) => f.name.startsWith('01'))!;
const stored = copyPreviewOf(fixture.text, { paperName: '株洲日报' }).match;

/** The body with `n` characters of its first paragraph replaced: a light copy edit. */
function edited(n: number): string {
  const body = stored.bodyText;
  return '改'.repeat(n) + body.slice(n);
}

describe('a likely duplicate', () => {
  const len = stored.bodyText.length;
  it.each<[what: string, incoming: { headline: string; bodyText: string }, createdAt: string, flagged: boolean]>([
    ['the same copy imported again', stored, ago(1), true],
    ['the same copy with a few words changed', { ...stored, bodyText: edited(Math.floor(len * 0.04)) }, ago(2), true],
    ['the headline with spaces around it', { ...stored, headline: ` ${stored.headline} ` }, ago(6.9), true],
    ['the same copy imported 8 days ago', stored, ago(8), false],
    ['another headline over the same body', { ...stored, headline: '另一个标题' }, ago(1), false],
    [
      'the same headline over a body a fifth rewritten',
      { ...stored, bodyText: edited(Math.floor(len * 0.2)) },
      ago(1),
      false,
    ],
    ['the same headline over a different story', { ...stored, bodyText: loadCopyFixtures()[1]!.text }, ago(1), false],
    ['copy with no headline', { headline: '', bodyText: stored.bodyText }, ago(1), false],
  ])('%s: flagged %s', (_what, incoming, createdAt, flagged) => {
    const score = duplicateScore(incoming, { ...stored, createdAt }, NOW);
    expect(score !== null).toBe(flagged);
    if (score !== null) expect(score).toBeGreaterThanOrEqual(0.9);
  });

  it('measures the body in common, both ways', () => {
    expect(bodySimilarity('甲乙丙丁戊己庚辛壬癸', '甲乙丙丁戊己庚辛壬癸')).toBe(1);
    expect(bodySimilarity('甲乙丙丁戊己庚辛壬癸', '甲乙丙丁戊己庚辛壬子')).toBeCloseTo(0.9);
    expect(bodySimilarity('甲乙丙丁戊己庚辛壬癸', '子丑寅卯辰巳午未申酉')).toBe(0);
  });

  it('folds full-width letters and spaces in headlines', () => {
    expect(headlineKey('２０２４年 全省重大项目')).toBe(headlineKey('2024年全省重大项目'));
  });
});
