import { describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../../shared/ipc/contract';

/** Payloads that no channel may accept. */
const MALFORMED: unknown[] = [
  null,
  42,
  'text',
  [],
  { id: '../../etc/passwd' },
  { __proto__: { admin: true }, extra: 1 },
];

describe('the IPC contract', () => {
  it.each(CHANNELS)('%s refuses malformed payloads', (channel) => {
    for (const bad of MALFORMED) {
      const result = contract[channel].request.safeParse(bad);
      expect(result.success, `${channel} accepted ${JSON.stringify(bad)}`).toBe(false);
    }
  });

  it('refuses an article id that names a path', () => {
    for (const id of ['../x', 'a-../../etc', 'a-abc/def', 'a-ABCDEFG', '/etc/passwd', 'a-abcdef\u0000']) {
      expect(contract['articles.get'].request.safeParse({ id }).success, id).toBe(false);
    }
    expect(contract['articles.get'].request.safeParse({ id: 'a-abc123def' }).success).toBe(true);
  });

  it('refuses a headline with a line break and a byline with an empty role; a role the copy printed is kept', () => {
    const base = contract['articles.create'].request;
    expect(base.safeParse({ kind: 'story', content: { headline: '一行\n两行' } }).success).toBe(false);
    expect(base.safeParse({ kind: 'story', content: { bylines: [{ role: ' ', name: '甲' }] } }).success).toBe(false);
    // 见习记者 is not in the paper's list: kept verbatim (creditCheck flags it), never mapped to 其他.
    expect(base.safeParse({ kind: 'story', content: { bylines: [{ role: '见习记者', name: '李想' }] } }).success).toBe(
      true,
    );
    expect(
      base.safeParse({ kind: 'story', content: { bylines: [{ role: '全媒体记者', name: '高晓燕' }] } }).success,
    ).toBe(true);
  });

  it('fills list defaults so callers may omit them', () => {
    expect(contract['articles.list'].request.parse({})).toEqual({ limit: 50, offset: 0 });
  });
});

describe('the preload channel list', () => {
  it('names exactly the contract channels', async () => {
    const { PRELOAD_CHANNELS } = await import('../../../shared/ipc/electronChannels');
    expect([...PRELOAD_CHANNELS].sort()).toEqual([...CHANNELS].sort());
  });
});
