/**
 * Literal prefilter: one pass over a line finds which key literals occur;
 * only the signatures owning those keys are tried.
 *
 * A small key set (≤ REGEX_MAX_KEYS) is one prefix-factored regex
 * alternation (V8 scans a few alternatives natively). A larger one — the
 * error-log signatures — is a Wu–Manber multi-string search: every key is represented by
 * a window of W characters (its most distinctive part, see `keyScore`), and
 * the line is read through a table of 3-character
 * blocks: a block that ends no window lets the scan jump ahead by up to
 * W − 2 characters, so on ordinary lines most characters are never looked
 * at. Only where a window may end are the keys of that block compared
 * (`startsWith` on the whole key). No allocation per line; the cost does
 * not grow with the number of signatures. W is as long as the keys allow (at
 * most MAX_WINDOW); the few keys shorter than W are looked for with `indexOf`.
 */
import { GENERIC } from './literals.ts';

/** Up to this many keys, one regex alternation (V8 scans a few alternatives natively, faster than any JS loop). */
const REGEX_MAX_KEYS = 16;
/** Keys shorter than this are always searched with indexOf. */
const MIN_WINDOW = 5;
/** Longest window (the scan jumps up to MAX_WINDOW − 2 characters). */
const MAX_WINDOW = 8;
/** How many keys shorter than the window may be searched with indexOf instead (each costs a pass). */
const MAX_INDEXOF_KEYS = 2;
const BLOCK = 3;
const TABLE_BITS = 15;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * "upstream timed out|upstream sent" → "upstream (?:timed out|sent)": the keys
 * as a prefix-factored alternation. The longest key at a position wins
 * (greedy optional tails); shorter keys are implied.
 */
export function trieSource(keys: string[]): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const k of keys) {
    let n = root;
    for (const ch of k) {
      let c = n.next.get(ch);
      if (!c) {
        c = { next: new Map(), end: false };
        n.next.set(ch, c);
      }
      n = c;
    }
    n.end = true;
  }
  const gen = (n: TrieNode): string => {
    const parts = [...n.next].map(([ch, c]) => escapeRegex(ch) + gen(c));
    if (parts.length === 0) return '';
    const alt = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return n.end ? `(?:${alt})?` : alt;
  };
  return gen(root);
}

function blockHash(c0: number, c1: number, c2: number): number {
  return (c0 * 1089 + c1 * 33 + c2) & TABLE_MASK;
}

/** How common each block (3 characters) is in log text, estimated from the generic vocabulary and the keys themselves. */
function blockCommonness(keys: string[]): Map<string, number> {
  const freq = new Map<string, number>();
  const count = (text: string, weight: number): void => {
    const seen = new Set<string>();
    for (let i = 0; i + BLOCK <= text.length; i++) seen.add(text.slice(i, i + BLOCK));
    for (const b of seen) freq.set(b, (freq.get(b) ?? 0) + weight);
  };
  // A phrase of nginx's fixed vocabulary is on most lines; a block shared by many keys is log vocabulary too.
  for (const g of GENERIC) count(g, 8);
  for (const k of keys) count(k, 1);
  return freq;
}

/**
 * The `w`-character window of `key` whose blocks are least common (the scan
 * stops wherever a text block is one of a window's), rightmost on a tie: its offset.
 */
function bestWindow(key: string, w: number, common: Map<string, number>): number {
  let best = 0;
  let bestCost = Infinity;
  for (let at = 0; at + w <= key.length; at++) {
    let cost = 0;
    for (let j = at; j + BLOCK <= at + w; j++) {
      const f = common.get(key.slice(j, j + BLOCK)) ?? 0;
      cost += f * f;
    }
    if (cost <= bestCost) {
      best = at;
      bestCost = cost;
    }
  }
  return best;
}

export class Prefilter {
  /** key index → item indexes. */
  private readonly owners: number[][];
  private readonly always: number[];
  private readonly keys: string[];
  /** Window length (0 when there are no long keys). */
  private readonly w: number;
  /** Block hash → how far the scan may jump when the block ends the current window. */
  private readonly shift: Uint8Array;
  /** Block hash → index into `bucketStart` lists (keys whose window ends with that block). */
  private readonly bucketStart: Int32Array;
  private readonly bucketKeys: Int32Array;
  /** Per key: its window's offset in the key. */
  private readonly windowAt: Int32Array;
  private readonly short: number[];
  /** Small key sets: one regex, and per key the keys it contains (an occurrence implies them). */
  private readonly re: RegExp | null = null;
  private readonly implied: Map<string, number[]> | null = null;
  private readonly stamp: Uint32Array;
  private readonly itemStamp: Uint32Array;
  private gen = 0;
  private readonly out: number[] = [];

  /** `keys[i]`: literals one of which item i needs, or null when item i must always be tried. */
  constructor(keys: (string[] | null)[]) {
    const unique = [...new Set(keys.flatMap((k) => k ?? []))].filter((k) => k.length > 0);
    const index = new Map(unique.map((k, i) => [k, i]));
    this.keys = unique;
    this.owners = unique.map(() => []);
    this.always = [];
    keys.forEach((k, item) => {
      const ks = (k ?? []).filter((x) => x.length > 0);
      if (!k || ks.length === 0) this.always.push(item);
      else for (const key of ks) this.owners[index.get(key)!]!.push(item);
    });
    this.stamp = new Uint32Array(unique.length);
    this.itemStamp = new Uint32Array(keys.length);
    this.short = [];
    if (unique.length <= REGEX_MAX_KEYS) {
      this.w = 0;
      this.windowAt = new Int32Array(0);
      this.shift = new Uint8Array(0);
      this.bucketStart = new Int32Array(0);
      this.bucketKeys = new Int32Array(0);
      if (unique.length) {
        this.re = new RegExp(trieSource(unique), 'g');
        this.implied = new Map(unique.map((k) => [k, unique.flatMap((other, j) => (k.includes(other) ? [j] : []))]));
      }
      return;
    }
    // The window: as long as possible, letting at most MAX_INDEXOF_KEYS shorter keys go to indexOf.
    const lengths = unique.map((k) => k.length).filter((n) => n >= MIN_WINDOW).sort((a, b) => a - b);
    let w = Math.min(MAX_WINDOW, lengths[Math.min(MAX_INDEXOF_KEYS, lengths.length - 1)] ?? MIN_WINDOW);
    while (w > MIN_WINDOW && unique.filter((k) => k.length < w).length > MAX_INDEXOF_KEYS + unique.filter((k) => k.length < MIN_WINDOW).length) w--;
    const long: number[] = [];
    unique.forEach((k, i) => (k.length < w ? this.short.push(i) : long.push(i)));
    this.w = long.length ? w : 0;
    this.windowAt = new Int32Array(unique.length);
    this.shift = new Uint8Array(TABLE_MASK + 1);
    const default_ = Math.max(1, w - BLOCK + 1);
    this.shift.fill(default_);
    const buckets = new Map<number, number[]>();
    const common = blockCommonness(unique);
    for (const i of long) {
      const k = unique[i]!;
      const at = bestWindow(k, w, common);
      this.windowAt[i] = at;
      for (let j = 0; j + BLOCK <= w; j++) {
        const h = blockHash(k.charCodeAt(at + j), k.charCodeAt(at + j + 1), k.charCodeAt(at + j + 2));
        const s = w - BLOCK - j;
        if (s < this.shift[h]!) this.shift[h] = s;
      }
      const h = blockHash(k.charCodeAt(at + w - 3), k.charCodeAt(at + w - 2), k.charCodeAt(at + w - 1));
      let b = buckets.get(h);
      if (!b) buckets.set(h, (b = []));
      b.push(i);
    }
    this.bucketStart = new Int32Array(TABLE_MASK + 2);
    const flat: number[] = [];
    for (let h = 0; h <= TABLE_MASK; h++) {
      this.bucketStart[h] = flat.length;
      const b = buckets.get(h);
      if (b) flat.push(...b);
    }
    this.bucketStart[TABLE_MASK + 1] = flat.length;
    this.bucketKeys = Int32Array.from(flat);
  }

  /**
   * Item indexes worth trying on `text`, ascending. The returned array is
   * reused by the next call: read it before calling again.
   */
  candidates(text: string): number[] {
    const out = this.out;
    out.length = 0;
    for (const item of this.always) out.push(item);
    const gen = ++this.gen;
    if (gen === 0xffffffff) this.resetStamps();
    let found = false;
    const re = this.re;
    if (re !== null) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        for (const k of this.implied!.get(m[0])!) {
          if (this.stamp[k] !== gen) {
            this.found(k, gen, out);
            found = true;
          }
        }
        re.lastIndex = m.index + 1;
      }
    }
    for (const k of this.short) {
      if (text.indexOf(this.keys[k]!) !== -1) {
        this.found(k, gen, out);
        found = true;
      }
    }
    const w = this.w;
    const n = text.length;
    if (w !== 0 && n >= w) {
      const shift = this.shift;
      const bucketStart = this.bucketStart;
      const bucketKeys = this.bucketKeys;
      const keys = this.keys;
      const windowAt = this.windowAt;
      let pos = w - 1;
      while (pos < n) {
        const h = blockHash(text.charCodeAt(pos - 2), text.charCodeAt(pos - 1), text.charCodeAt(pos));
        const s = shift[h]!;
        if (s !== 0) {
          pos += s;
          continue;
        }
        const start = pos - w + 1;
        for (let b = bucketStart[h]!, e = bucketStart[h + 1]!; b < e; b++) {
          const k = bucketKeys[b]!;
          if (this.stamp[k] === gen) continue;
          const key = keys[k]!;
          const at = windowAt[k]!;
          if (start - at >= 0 && text.startsWith(key, start - at)) {
            this.found(k, gen, out);
            found = true;
          }
        }
        pos++;
      }
    }
    if (found && out.length > 1) out.sort((a, b) => a - b);
    return out;
  }

  private found(k: number, gen: number, out: number[]): void {
    this.stamp[k] = gen;
    for (const item of this.owners[k]!) {
      if (this.itemStamp[item] !== gen) {
        this.itemStamp[item] = gen;
        out.push(item);
      }
    }
  }

  private resetStamps(): void {
    this.stamp.fill(0);
    this.itemStamp.fill(0);
    this.gen = 1;
  }
}
