import { describe, expect, it } from 'vitest';
import { ByteBoundedCache } from '../../../../electron/services/search/byteBoundedCache';

describe('byte-bounded cache', () => {
  it('evicts the least recently used entries to stay within its bytes', () => {
    const cache = new ByteBoundedCache<string, number>(100);
    cache.set('a', 1, 40);
    cache.set('b', 2, 40);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3, 40);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
    expect(cache.bytes).toBe(80);
  });

  it('does not keep a value larger than the whole bound, and replacing a key frees its old bytes', () => {
    const cache = new ByteBoundedCache<string, number>(100);
    cache.set('big', 1, 101);
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', 1, 60);
    cache.set('a', 2, 70);
    expect([cache.get('a'), cache.bytes]).toEqual([2, 70]);
    cache.clear();
    expect(cache.bytes).toBe(0);
  });
});
