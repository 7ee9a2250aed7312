/** Intersection of the search segment's postings (ascending story-number lists or bit sets), in place and without allocating. */

/**
 * Keeps in `into[0..length)` the numbers also in `other` (both ascending); returns the new length.
 * A much longer `other` is searched by galloping, so a rare gram against a common one costs little.
 */
export function narrow(into: Uint32Array, length: number, other: Uint32Array): number {
  let kept = 0;
  let j = 0;
  if (other.length > length * 16) {
    for (let i = 0; i < length && j < other.length; i++) {
      const x = into[i]!;
      let step = 1;
      let hi = j;
      while (hi < other.length && other[hi]! < x) {
        j = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = Math.min(hi, other.length - 1);
      while (j < hi) {
        const mid = (j + hi) >>> 1;
        if (other[mid]! < x) j = mid + 1;
        else hi = mid;
      }
      if (other[j] === x) into[kept++] = x;
    }
    return kept;
  }
  for (let i = 0; i < length && j < other.length;) {
    const x = into[i]!;
    const y = other[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      into[kept++] = x;
      i++;
      j++;
    }
  }
  return kept;
}

/** Keeps in `into[0..length)` the numbers whose bit is set in `bits`; returns the new length. */
export function narrowByBits(into: Uint32Array, length: number, bits: Uint32Array): number {
  let kept = 0;
  for (let i = 0; i < length; i++) {
    const n = into[i]!;
    if (bits[n >>> 5]! & (1 << (n & 31))) into[kept++] = n;
  }
  return kept;
}

/** The numbers of a bit set's set bits, ascending, in a new array (`count` of them). */
export function listOfBits(bits: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let k = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      out[k++] = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return out.subarray(0, k);
}
