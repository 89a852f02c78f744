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
  /** Counts in boxes: a repeated key costs one lookup, not a lookup and a store. */
  private readonly map = new Map<string, { n: number }>();
  private readonly capacity: number;
  /** Values counted under OTHER because the tally was full. */
  overflow = 0;

  constructor(capacity = MAX_TALLY_KEYS) {
    this.capacity = capacity;
  }

  /** The last key counted and its box (lines of one kind or level come in runs). */
  private lastKey: string | undefined;
  private lastBox: { n: number } | undefined;

  add(key: string): void {
    if (key === this.lastKey) {
      this.lastBox!.n++;
      return;
    }
    const cur = this.map.get(key);
    if (cur !== undefined) {
      cur.n++;
      this.lastKey = key;
      this.lastBox = cur;
    } else if (this.map.size < this.capacity) this.map.set(own(key), { n: 1 });
    else {
      this.overflow++;
      this.bump(OTHER, 1);
    }
  }

  /** Adds another tally's counts (a later block of the same input; `o` may be a structured-cloned copy). */
  merge(o: Tally): void {
    for (const [k, { n }] of o.map) {
      const cur = this.map.get(k);
      if (cur !== undefined) cur.n += n;
      else if (k !== OTHER && this.map.size < this.capacity) this.map.set(k, { n });
      else {
        if (k !== OTHER) this.overflow += n;
        this.bump(OTHER, n);
      }
    }
    this.overflow += o.overflow;
  }

  private bump(key: string, n: number): void {
    const cur = this.map.get(key);
    if (cur !== undefined) cur.n += n;
    else this.map.set(key, { n });
  }

  /** A plain record without a prototype (log text as keys never meets Object.prototype). */
  record(): Record<string, number> {
    const out = Object.create(null) as Record<string, number>;
    for (const [k, v] of this.map) out[k] = v.n;
    return out;
  }
}
