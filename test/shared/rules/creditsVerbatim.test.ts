// Credits the paper's list does not know are kept as printed and flagged, never hidden (issue 22, finding 3):
// "株洲日报(见习记者/李想…)" was stored as 其他, the lint said 署名齐全 and the proof printed "李想" alone.
import { describe, expect, it } from 'vitest';
import { BylineSchema } from '../../../shared/model/people';
import { bylineLine } from '../../../shared/proof/proofStory';
import { creditCheck } from '../../../shared/rules/creditCheck';
import { parseCopyDetailed, parsedCopyToContent } from '../../../shared/rules/parseCopy';
import { checkTransition } from '../../../shared/rules/workflow';
import { emptyContent, type Article } from '../../../shared/model/article';
import { loadCopyFixtures } from './copyFixtures';

const PAPER = { paperName: '株洲日报' };
/** The real fixture 05 (株洲日报(全媒体记者/陈正明 通讯员/尹照)…) with its reporter's role replaced. */
const fixture05 = loadCopyFixtures().find((f) => f.name.startsWith('05'))!;
const withRole = (role: string, name = '李想') => fixture05.text.replace('全媒体记者/陈正明', `${role}/${name}`);

describe('a credit role is kept as printed and flagged when the paper does not print it', () => {
  it.each<[role: string, flagged: boolean]>([
    ['见习记者', true],
    ['实习记者', true],
    ['首席记者', true],
    ['融媒体记者', true],
    ['特约记者', false],
    ['实习生', false],
    ['全媒体记者', false],
    ['记者', false],
  ])('%s: stored verbatim, flagged %s, printed with paper and role', (role, flagged) => {
    const content = parsedCopyToContent(parseCopyDetailed(withRole(role), PAPER));
    expect(content.bylines).toEqual([{ role, name: '李想' }]);
    expect(BylineSchema.safeParse(content.bylines[0]).success).toBe(true);
    const problems = creditCheck(content).filter((p) => p.code === 'unknown_credit_role');
    expect(problems).toEqual(
      flagged ? [expect.objectContaining({ role, name: '李想', message: expect.stringContaining(role) })] : [],
    );
    expect(bylineLine({ ...content, id: 'a-x', status: 'draft' }, '株洲日报')).toBe(
      `株洲日报${role} 李想\u3000通讯员 尹照`,
    );
  });

  it('the fixture itself still reads as printed', () => {
    const content = parsedCopyToContent(parseCopyDetailed(fixture05.text, PAPER));
    expect(bylineLine({ ...content, id: 'a-x', status: 'draft' }, '株洲日报')).toBe(
      '株洲日报全媒体记者 陈正明\u3000通讯员 尹照',
    );
  });

  it('a flagged role is the lint’s finding, not a refusal: the story still moves on', () => {
    const content = parsedCopyToContent(parseCopyDetailed(withRole('见习记者'), PAPER));
    const a: Article = {
      ...emptyContent(),
      ...content,
      id: 'a-credit0001',
      status: 'draft',
      spikedFrom: null,
      revision: 1,
      createdAt: '',
      createdBy: '李想',
      updatedAt: '',
      updatedBy: '李想',
      placement: null,
    };
    expect(checkTransition(a, 'submitted', 'reporter', '李想')).toEqual({ ok: true });
  });

  it('other papers’ reporters print under their own newsroom', () => {
    const content = { ...emptyContent(), source: '湖南日报', bylines: [{ role: '见习记者', name: '李想' }] };
    expect(bylineLine({ ...content, id: 'a-x', status: 'draft' }, '株洲日报')).toBe('湖南日报见习记者 李想');
  });
});
