/** The story pool's filter: the listing request per status (approved first for 全部) and the search over what is loaded. */
import { describe, expect, it } from 'vitest';
import { ArticleListQuerySchema } from '../../../../shared/ipc/contract';
import type { ArticleSummary } from '../../../../shared/model/article';
import { matchesPool, poolRequest, POOL_STATUSES } from '../../../../renderer/features/pageplan/poolFilter';

const story = (over: Partial<ArticleSummary>): ArticleSummary => ({
  id: 'a-1',
  kind: 'story',
  kicker: '',
  headline: '',
  status: 'approved',
  revision: 1,
  bylineNames: [],
  correspondentNames: [],
  source: '',
  bodyChars: 100,
  creditProblems: [],
  placement: null,
  updatedAt: '2026-12-07T00:00:00.000Z',
  updatedBy: '编辑',
  ...over,
});

describe('poolRequest', () => {
  it.each([
    ['approved', { page: '-', offset: 0, limit: 100, status: ['approved'] }],
    ['draft', { page: '-', offset: 0, limit: 100, status: ['draft'] }],
    ['all', { page: '-', offset: 0, limit: 100, sort: 'status', reverse: true }],
  ] as const)('%s asks for %j', (status, request) => {
    expect(poolRequest(status, 0, 100)).toEqual(request);
    // Every request is one the contract accepts.
    expect(ArticleListQuerySchema.safeParse(poolRequest(status, 0, 100)).success).toBe(true);
  });

  it('offers approved first', () => {
    expect(POOL_STATUSES[0]).toBe('approved');
  });
});

describe('matchesPool', () => {
  const s = story({ kicker: '两株企获评', headline: '国家级工业互联网试点示范', bylineNames: ['高晓燕'] });
  it.each([
    ['', true],
    ['  ', true],
    ['互联网', true],
    ['两株企', true],
    ['高晓燕', true],
    ['互联网 高晓燕', true],
    ['互联网 李想', false],
    ['马拉松', false],
  ])('%j → %s', (q, hit) => {
    expect(matchesPool(s, q)).toBe(hit);
  });

  it('ignores case for Latin letters', () => {
    expect(matchesPool(story({ headline: 'G20 峰会' }), 'g20')).toBe(true);
  });
});
