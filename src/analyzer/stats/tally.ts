/**
 * A count per distinct value, for small vocabularies that log text fills
 * (levels, statuses, upstream statuses). A Map, so a value reading
 * `constructor` or `__proto__` is just a key; bounded, so a million distinct
 * values cost no more than MAX_TALLY_KEYS: later new values count as "(other)".
 */
import { MAX_TALLY_KEYS } from '../limits.ts';
import { own } from '../own.ts';

export const OTHER = '(other)';

export class Tally {
  private readonly map = new Map<string, number>();
  private readonly capacity: number;
  /** Values counted under OTHER because the tally was full. */
  overflow = 0;

  constructor(capacity = MAX_TALLY_KEYS) {
    this.capacity = capacity;
  }

  add(key: string): void {
    const cur = this.map.get(key);
    if (cur !== undefined) this.map.set(key, cur + 1);
    else if (this.map.size < this.capacity) this.map.set(own(key), 1);
    else {
      this.overflow++;
      this.map.set(OTHER, (this.map.get(OTHER) ?? 0) + 1);
    }
  }

  /** Adds another tally's counts (a later block of the same input; `o` may be a structured-cloned copy). */
  merge(o: Tally): void {
    for (const [k, v] of o.map) {
      const cur = this.map.get(k);
      if (cur !== undefined) this.map.set(k, cur + v);
      else if (k !== OTHER && this.map.size < this.capacity) this.map.set(k, v);
      else {
        if (k !== OTHER) this.overflow += v;
        this.map.set(OTHER, (this.map.get(OTHER) ?? 0) + v);
      }
    }
    this.overflow += o.overflow;
  }

  /** A plain record without a prototype (log text as keys never meets Object.prototype). */
  record(): Record<string, number> {
    const out = Object.create(null) as Record<string, number>;
    for (const [k, v] of this.map) out[k] = v;
    return out;
  }
}
