/**
 * Portability of regular expressions between JavaScript and RE2 / Go (the
 * syntax of log pipelines: mtail, Loki, Vector, Prometheus relabelling).
 * The common subset: no lookaround, no backreferences, repeats ≤ 1000,
 * named groups written (?P<name>…) on the RE2 side.
 */

/** Index of the `]` closing the character class that opens at `i` (a leading `^` or `]` is literal). */
function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  if (src[j] === ']') j++;
  while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
  return j;
}

/** Why `src` (JavaScript syntax) has no RE2 equivalent, or null. */
export function re2Problem(src: string): string | null {
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (/[1-9]/.test(n)) return `backreference \\${n} at ${i}`;
      if (n === 'k') return `named backreference at ${i}`;
      if (n === 'u') return `\\u escape at ${i} (use \\x{…} or the character itself)`;
      if (n === 'c') return `control escape at ${i}`;
      i++;
      continue;
    }
    if (c === '[') {
      i = classEnd(src, i);
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const t = src.slice(i + 2, i + 4);
      if (t.startsWith('=') || t.startsWith('!') || t === '<=' || t === '<!') return `lookaround at ${i}`;
    }
    if (c === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i, i + 16));
      if (m && (Number(m[1]) > 1000 || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > 1000))) return `repeat ${m[0]} over 1000 at ${i}`;
    }
  }
  return null;
}

/** JavaScript source → RE2 source: named groups become (?P<name>…). */
export function toRe2(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') {
      const j = classEnd(src, i);
      out += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(' && src[i + 1] === '?' && src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
      out += '(?P<';
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * Counted repeats with a large upper bound become open-ended ("{1,1024}" →
 * "+", "{0,300}" → "*"): RE2 rejects regexes whose nested counted repeats
 * exceed 1000 in total, and runs open-ended ones in linear time anyway; for a
 * log line the bound only guarded against backtracking, which RE2 never does.
 */
export function relaxRepeats(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') {
      const j = classEnd(src, i);
      out += src.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '{') {
      const m = /^\{(\d+),(\d+)\}/.exec(src.slice(i, i + 16));
      if (m && Number(m[2]) >= 50) {
        const lo = Number(m[1]);
        out += lo === 0 ? '*' : lo === 1 ? '+' : `{${Math.min(lo, 1000)},}`;
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}
