/**
 * Derives, from a regex source, literal strings one of which must appear in
 * any line the regex matches. The prefilter only tries a signature on lines
 * containing one of its keys. Conservative: anything we do not understand
 * ends the current literal run (a shorter key is still a correct key).
 */

type Item = string | null; // a literal character, or a break

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'p', 'P', 'k', 'c']);

interface Parsed {
  /** Top-level alternatives, each a flat item list. */
  branches: Item[][];
  end: number;
}

/** Index just past the character class starting at `i` ("[" … "]"). */
function skipClass(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Reads a quantifier at `i`: returns [min, length] or null. */
function quantifier(src: string, i: number): [number, number] | null {
  const c = src[i];
  let len: number;
  let min: number;
  if (c === '?' || c === '*') {
    min = 0;
    len = 1;
  } else if (c === '+') {
    min = 1;
    len = 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i, i + 24));
    if (!m) return null;
    min = Number(m[1]);
    len = m[0].length;
  } else return null;
  if (src[i + len] === '?') len++; // lazy
  return [min, len];
}

function parse(src: string, start: number, depth: number): Parsed {
  const branches: Item[][] = [];
  let cur: Item[] = [];
  let i = start;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ')' && depth > 0) break;
    if (c === '|') {
      branches.push(cur);
      cur = [];
      i++;
      continue;
    }
    let atom: Item[];
    if (c === '\\') {
      const e = src[i + 1] ?? '';
      if (CLASS_ESCAPES.has(e) || /[1-9]/.test(e)) {
        atom = [null];
        i += e === 'p' || e === 'P' || e === 'k' ? Math.max(2, src.indexOf(e === 'k' ? '>' : '}', i) + 1 - i) : 2;
      } else if (e === 'x') {
        atom = [String.fromCharCode(parseInt(src.slice(i + 2, i + 4), 16))];
        i += 4;
      } else if (e === 'u') {
        atom = [String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16))];
        i += 6;
      } else {
        atom = [SIMPLE_ESCAPES[e] ?? e];
        i += 2;
      }
    } else if (c === '[') {
      atom = [null];
      i = skipClass(src, i);
    } else if (c === '(') {
      let j = i + 1;
      let lookaround = false;
      if (src[j] === '?') {
        if (src[j + 1] === ':') j += 2;
        else if (src[j + 1] === '=' || src[j + 1] === '!') {
          lookaround = true;
          j += 2;
        } else if (src[j + 1] === '<' && (src[j + 2] === '=' || src[j + 2] === '!')) {
          lookaround = true;
          j += 3;
        }
        else if (src[j + 1] === '<') j = src.indexOf('>', j) + 1;
      }
      const inner = parse(src, j, depth + 1);
      i = inner.end + 1;
      // A mandatory single-branch group continues the surrounding run; alternations and lookarounds end it.
      atom = lookaround || inner.branches.length !== 1 ? [null] : inner.branches[0]!;
    } else if (c === '.' || c === '^' || c === '$') {
      atom = [null];
      i++;
    } else {
      atom = [c];
      i++;
    }
    const q = quantifier(src, i);
    if (q) {
      i += q[1];
      if (q[0] === 0) atom = [null];
      else atom = [null, ...atom, null]; // repeated: its literals are required, but not adjacent to neighbours
    }
    cur.push(...atom);
  }
  branches.push(cur);
  return { branches, end: i };
}

function runs(items: Item[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const it of items) {
    if (it === null) {
      if (run) out.push(run);
      run = '';
    } else run += it;
  }
  if (run) out.push(run);
  return out;
}

/** The longest literal run of each top-level branch (one must appear), or null when a branch has none ≥ minLength. */
export function requiredLiterals(source: string, minLength = 3): string[] | null {
  let parsed: Parsed;
  try {
    parsed = parse(source, 0, 0);
  } catch {
    return null;
  }
  const keys: string[] = [];
  for (const b of parsed.branches) {
    let best = '';
    for (const r of runs(b)) if (r.length > best.length) best = r;
    if (best.length < minLength) return null;
    keys.push(best);
  }
  return [...new Set(keys)];
}

/** All literal runs (for the bench's grep -F list and for adversarial test strings). */
export function allLiteralRuns(source: string): string[] {
  try {
    return parse(source, 0, 0).branches.flatMap(runs);
  } catch {
    return [];
  }
}
