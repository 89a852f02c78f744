/**
 * Literal prefilter: one combined scan per line finds which key literals
 * occur; only the signatures owning those keys are tried. The keys are
 * compiled into a prefix-factored alternation (a trie as a regex), so at each
 * position the regex engine dispatches on one character instead of trying
 * every key: cost grows with the input, not with input × number of signatures.
 */

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * "upstream timed out|upstream sent" → "upstream (?:timed out|sent)". The
 * longest key at a position wins (greedy optional tails); shorter keys are
 * implied. Nesting depth is bounded by the key length: no backtracking blow-up.
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

export class Prefilter {
  private readonly scan: RegExp | null;
  /** key → indexes of keys that are substrings of it (itself included): an occurrence implies them. */
  private readonly implied = new Map<string, number[]>();
  /** key index → item indexes. */
  private readonly owners: number[][];
  private readonly always: number[];
  private readonly stamp: Uint32Array;
  private readonly itemStamp: Uint32Array;
  private gen = 0;

  /** `keys[i]`: literals one of which item i needs, or null when item i must always be tried. */
  constructor(keys: (string[] | null)[]) {
    const unique = [...new Set(keys.flatMap((k) => k ?? []))];
    const index = new Map(unique.map((k, i) => [k, i]));
    this.owners = unique.map(() => []);
    this.always = [];
    keys.forEach((k, item) => {
      if (!k) this.always.push(item);
      else for (const key of k) this.owners[index.get(key)!]!.push(item);
    });
    for (const k of unique) {
      this.implied.set(
        k,
        unique.flatMap((other, j) => (k.includes(other) ? [j] : [])),
      );
    }
    this.scan = unique.length ? new RegExp(trieSource(unique), 'g') : null;
    this.stamp = new Uint32Array(unique.length);
    this.itemStamp = new Uint32Array(keys.length);
  }

  /** Item indexes worth trying on `text`, ascending. */
  candidates(text: string): number[] {
    const out = this.always.length ? this.always.slice() : [];
    const re = this.scan;
    if (re === null) return out;
    re.lastIndex = 0;
    let m = re.exec(text);
    if (m === null) return out;
    const gen = ++this.gen;
    while (m !== null) {
      for (const k of this.implied.get(m[0])!) {
        if (this.stamp[k] === gen) continue;
        this.stamp[k] = gen;
        for (const item of this.owners[k]!) {
          if (this.itemStamp[item] !== gen) {
            this.itemStamp[item] = gen;
            out.push(item);
          }
        }
      }
      re.lastIndex = m.index + 1;
      m = re.exec(text);
    }
    return out.sort((a, b) => a - b);
  }
}
