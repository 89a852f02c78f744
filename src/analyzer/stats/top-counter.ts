/**
 * Bounded "top N" counter. Keeps at most `capacity` keys; when full it drops
 * the keys with the smallest counts (below the median). Counts of frequent
 * keys stay exact in practice; rare keys may be undercounted — fine for a
 * "top 10" list, and memory stays flat whatever the input.
 */
import { TOP_CAPACITY } from '../limits.ts';
import { own } from '../own.ts';

export class TopCounter {
  /** Counts in boxes: a repeated key costs one lookup, not a lookup and a store. */
  private map = new Map<string, { n: number }>();
  private readonly capacity: number;
  /** True once a prune dropped keys (the counts are then lower bounds). */
  approximate = false;

  constructor(capacity = TOP_CAPACITY) {
    this.capacity = capacity;
  }

  add(key: string, n = 1): void {
    const cur = this.map.get(key);
    if (cur !== undefined) {
      cur.n += n;
      return;
    }
    if (this.map.size >= this.capacity) this.prune();
    this.map.set(own(key), { n });
  }

  /** Adds another counter's counts (a later block of the same input; `o` may be a structured-cloned copy). */
  merge(o: TopCounter): void {
    for (const [k, v] of o.map) this.add(k, v.n);
    if (o.approximate) this.approximate = true;
  }

  private prune(): void {
    const counts = [...this.map.values()].map((v) => v.n).sort((a, b) => a - b);
    const cut = counts[counts.length >> 1]!;
    for (const [k, v] of this.map) if (v.n <= cut) this.map.delete(k);
    // Everything had the same count: drop the older half instead.
    if (this.map.size >= this.capacity) {
      let drop = this.map.size >> 1;
      for (const k of this.map.keys()) {
        if (drop-- <= 0) break;
        this.map.delete(k);
      }
    }
    this.approximate = true;
  }

  top(n: number): [string, number][] {
    return [...this.map]
      .map(([k, v]): [string, number] => [k, v.n])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n);
  }

  get size(): number {
    return this.map.size;
  }
}
