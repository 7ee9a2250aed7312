/**
 * A least-recently-used cache bounded by the bytes its values hold, for the search segment's decoded
 * postings and the texts of hits shown: hot entries stay decoded, and the memory they take has a ceiling.
 */
export class ByteBoundedCache<K, V> {
  /** A Map iterates in insertion order, so re-inserting on use keeps the least recently used first. */
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.held;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless it alone is over the bound; evicts the least recently used to make room. */
  set(key: K, value: V, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.held -= old.bytes;
    }
    if (bytes > this.maxBytes) return;
    for (const [k, e] of this.entries) {
      if (this.held + bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.held -= e.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.held += bytes;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}
