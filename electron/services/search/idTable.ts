/**
 * Story number by id for an opened search segment: open addressing in one typed array, built from the
 * ids at open. A Map of 60,000 ids costs several times more to build, and it is built on the first query.
 */

/** FNV-1a over the id's UTF-16 units. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class IdTable {
  /** Slot -> story number + 1 (0: empty); at most half full, so probes stay short. */
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(private readonly ids: readonly string[]) {
    let size = 2;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (let n = 0; n < ids.length; n++) {
      let h = idHash(ids[n]!) & this.mask;
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = n + 1;
    }
  }

  /** The story number of `id`, or -1 when the segment does not hold it. */
  numberOf(id: string): number {
    for (let h = idHash(id) & this.mask; ; h = (h + 1) & this.mask) {
      const v = this.slots[h]!;
      if (v === 0) return -1;
      if (this.ids[v - 1] === id) return v - 1;
    }
  }
}
