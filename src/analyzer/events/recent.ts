/**
 * A bounded cache for strings a log repeats (messages, upstream values):
 * direct-mapped, one slot per fingerprint of a few characters and the
 * length, so a lookup costs a handful of character reads and one string
 * comparison instead of hashing the whole string (which V8 does for every new
 * string sliced out of a line). A colliding key replaces the slot's: a miss,
 * never a wrong answer. Keys are copied out of the input (own.ts).
 *
 * `offer` keeps a value only at its key's second sighting: lines that never
 * repeat (a client's address in a notice) would otherwise churn the slots and
 * leave a stream of long-lived garbage, which makes memory grow with the input.
 */
import { own } from '../own.ts';

export class RecentStrings<V> {
  private readonly keys: (string | undefined)[];
  private readonly values: (V | undefined)[];
  /** Per slot, the fingerprint of the last key offered and not kept. */
  private readonly seen: Int32Array;
  private readonly mask: number;

  /** `slots`: a power of two. */
  constructor(slots = 4096) {
    this.keys = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.seen = new Int32Array(slots);
    this.mask = slots - 1;
  }

  get(key: string): V | undefined {
    const i = this.hash(key) & this.mask;
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  /** Keeps the value when the key was offered before (see above); returns whether it was kept. */
  offer(key: string, value: V): boolean {
    const h = this.hash(key);
    const i = h & this.mask;
    if (this.seen[i] !== h) {
      this.seen[i] = h;
      return false;
    }
    this.keys[i] = own(key);
    this.values[i] = value;
    return true;
  }

  private hash(s: string): number {
    const n = s.length;
    if (n === 0) return 0;
    let h = n * 0x9e3779b1;
    h = Math.imul(h ^ s.charCodeAt(0), 0x85ebca6b);
    h = Math.imul(h ^ s.charCodeAt(n >> 2), 0xc2b2ae35);
    h = Math.imul(h ^ s.charCodeAt(n >> 1), 0x85ebca6b);
    h = Math.imul(h ^ s.charCodeAt((3 * n) >> 2), 0xc2b2ae35);
    h = Math.imul(h ^ s.charCodeAt(n - 1), 0x85ebca6b);
    h = Math.imul(h ^ s.charCodeAt(n > 8 ? n - 8 : 0), 0xc2b2ae35);
    return h ^ (h >>> 15) || 1;
  }
}
