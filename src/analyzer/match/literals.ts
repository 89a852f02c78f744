/**
 * Derives, from a regex source, literal strings one of which must appear in
 * any line the regex matches. The prefilter only tries a signature on lines
 * containing one of its keys. Conservative: anything we do not understand
 * ends the current literal run (a shorter key is still a correct key).
 *
 * `requiredLiterals` gives the longest run of each top-level alternative;
 * `prefilterKeys` gives the *rarest* requirement of each (a run, or one key
 * per alternative of a mandatory group), scored by `keyScore`: text made of
 * nginx's fixed vocabulary ("while reading response header from upstream",
 * "upstream", "failed", "process", ".service"…) is on most log lines and
 * makes a poor key.
 */
import { dict } from '../dict.ts';

/** A mandatory alternation group: one of its alternatives must match. */
interface Group {
  alts: Item[][];
}
type Item = string | null | Group; // a literal character, a break, or a mandatory alternation

const SIMPLE_ESCAPES: Record<string, string> = dict({ n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' });
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
      // A mandatory single-branch group continues the surrounding run; alternations and lookarounds end it
      // (an alternation is kept as a group item: one of its alternatives is required).
      atom = lookaround ? [null] : inner.branches.length !== 1 ? [null, { alts: inner.branches }, null] : inner.branches[0]!;
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
    if (typeof it !== 'string') {
      if (run) out.push(run);
      run = '';
    } else run += it;
  }
  if (run) out.push(run);
  return out;
}

/** The pattern's structure, or null for a pattern this reader does not understand (then it is always tried). */
function tryParse(source: string): Parsed | null {
  try {
    return parse(source, 0, 0);
  } catch {
    return null;
  }
}

/** The longest literal run of each top-level branch (one must appear), or null when a branch has none ≥ minLength. */
export function requiredLiterals(source: string, minLength = 3): string[] | null {
  const parsed = tryParse(source);
  if (!parsed) return null;
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

/**
 * Phrases of nginx's (and syslog's, systemd's) fixed vocabulary: present on a
 * large share of ordinary log lines, so text made of them says little about a
 * line. Characters of a key covered by one of these count for little in
 * `keyScore`.
 */
export const GENERIC = [
  ' while reading response header from upstream',
  ' while connecting to upstream',
  ' while sending request to upstream',
  ' while reading upstream',
  ' while SSL handshaking to upstream',
  ' while proxying upgraded connection',
  ' while reading client request headers',
  ' while SSL handshaking',
  ' while waiting for request',
  ' while closing request',
  ', client: ',
  ', server: ',
  ', request: "',
  ', upstream: "',
  ', host: "',
  'HTTP/',
  '[emerg] ',
  '[alert] ',
  '[crit] ',
  '[error] ',
  '[warn] ',
  '[notice] ',
  '[info] ',
  'SSL_do_handshake() failed',
  '(SSL: error:',
  'SSL routines:',
  'SSL alert number',
  'Connection timed out',
  'Connection reset by peer',
  'upstream',
  'connection',
  'Connection',
  'client',
  'server',
  'request',
  'response',
  'header',
  'failed',
  '() failed (',
  'process',
  'worker',
  'signal',
  'closed',
  'timed out',
  'stream',
  'error',
  'reading',
  'sending',
  'while',
  '.service',
  'http://',
  'https://',
  'fastcgi://',
  '() ',
  ' (',
  ') ',
  ': ',
  ', ',
];

function charWeight(c: number): number {
  if (c === 32) return 0.25; // space
  if (c >= 97 && c <= 122) return 1; // a-z
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return 1.3; // A-Z, 0-9
  return 1.5; // punctuation and the rest
}

/** What a generic phrase is worth in `keyScore`, whatever its length (about two characters). */
const GENERIC_WORTH = 2;

/**
 * How much an occurrence of `key` says about a line (higher = rarer). The key
 * is read as its most generic sequence of tokens: a generic phrase is worth
 * GENERIC_WORTH, any other character its `charWeight`; past
 * ~16 the returns diminish (a long key is not much rarer than its most
 * distinctive part). So ") while reading response header from upstream"
 * scores ~3.5 and "upstream timed out (" ~6.
 */
export function keyScore(key: string): number {
  // cost[i]: the score of key[i..] read in its most generic way (phrases may overlap characters).
  const cost = new Float64Array(key.length + 1);
  for (let i = key.length - 1; i >= 0; i--) {
    let c = charWeight(key.charCodeAt(i)) + cost[i + 1]!;
    for (const g of GENERIC) if (key.startsWith(g, i)) c = Math.min(c, GENERIC_WORTH + cost[i + g.length]!);
    cost[i] = c;
  }
  const raw = cost[0]!;
  return raw <= 16 ? raw : 16 + Math.log2(1 + (raw - 16));
}

/**
 * Per character of `key`, what it says about a line: its `charWeight`, or a
 * tenth of it inside an occurrence of a generic phrase (so a window cut from
 * "upstream" scores as low as "upstream" itself).
 */
export function charScores(key: string): Float64Array {
  const generic = new Uint8Array(key.length);
  for (const g of GENERIC) {
    for (let at = key.indexOf(g); at !== -1; at = key.indexOf(g, at + 1)) generic.fill(1, at, at + g.length);
  }
  const out = new Float64Array(key.length);
  for (let i = 0; i < key.length; i++) out[i] = charWeight(key.charCodeAt(i)) * (generic[i] ? 0.1 : 1);
  return out;
}

interface Requirement {
  /** One of these must appear. */
  keys: string[];
  score: number;
}

function requirementScore(keys: string[]): number {
  let min = Infinity;
  for (const k of keys) min = Math.min(min, keyScore(k));
  // More keys, more chances to hit an unrelated line.
  return min - 0.5 * (keys.length - 1);
}

/** The rarest requirement of a flat item list, or null when it has none (no run ≥ minLength, no usable group). */
function bestRequirement(items: Item[], minLength: number, depth: number): Requirement | null {
  let best: Requirement | null = null;
  const consider = (keys: string[]): void => {
    const score = requirementScore(keys);
    if (best === null || score > best.score) best = { keys, score };
  };
  for (const r of runs(items)) if (r.length >= minLength) consider([r]);
  if (depth < 4) {
    for (const it of items) {
      if (it === null || typeof it === 'string') continue;
      const keys: string[] = [];
      let ok = true;
      for (const alt of it.alts) {
        const r = bestRequirement(alt, minLength, depth + 1);
        if (r === null) {
          ok = false;
          break;
        }
        keys.push(...r.keys);
      }
      if (ok && keys.length > 0 && keys.length <= 16) consider([...new Set(keys)]);
    }
  }
  return best;
}

/**
 * The prefilter's keys for a pattern: for each top-level alternative, its
 * rarest requirement (see `keyScore`), so that the prefilter rejects most
 * lines. Null when an alternative has no literal of ≥ minLength characters
 * (the signature must then always be tried).
 */
export function prefilterKeys(source: string, minLength = 3): string[] | null {
  const parsed = tryParse(source);
  if (!parsed) return null;
  const keys: string[] = [];
  for (const b of parsed.branches) {
    const r = bestRequirement(b, minLength, 0);
    if (r === null) return null;
    keys.push(...r.keys);
  }
  return [...new Set(keys)];
}
