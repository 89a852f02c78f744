/** Rewrites of patterns into RE2 (Go) syntax, shared by the fleet exports. */

/**
 * RE2 refuses repeat counts above 1000, also as a product of nested repeats.
 * The catalog bounds repeats (`[^"]{0,4096}`) only to keep a backtracking
 * engine fast; RE2 runs in linear time, so a large bound becomes unbounded.
 */
const UNBOUND_ABOVE = 100;
const MAX_REPEAT = 1000;

/**
 * JavaScript RegExp source → RE2: `(?<n>` → `(?P<n>`, lookarounds dropped (RE2
 * has none; every one in the catalog only narrows a match at its end), repeat
 * bounds above 100 made unbounded, `\uXXXX` → `\x{XXXX}`, `[` escaped inside classes.
 */
export function toRe2(js: string): string {
  let out = '';
  let i = 0;
  let inClass = false;
  while (i < js.length) {
    const c = js[i]!;
    if (c === '\\') {
      const next = js[i + 1] ?? '';
      const u = /^u(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(js.slice(i + 1));
      if (u) {
        out += `\\x{${u[1] ?? u[2]}}`;
        i += 1 + u[0].length;
      } else {
        out += c + next;
        i += 2;
      }
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // A leading "]" or "^]" is literal in both syntaxes; copy it so it does not close the class.
      i++;
      continue;
    }
    if (js.startsWith('(?<', i) && js[i + 3] !== '=' && js[i + 3] !== '!') {
      out += '(?P<';
      i += 3;
      continue;
    }
    if (js.startsWith('(?=', i) || js.startsWith('(?!', i) || js.startsWith('(?<=', i) || js.startsWith('(?<!', i)) {
      i = groupEnd(js, i);
      continue;
    }
    if (c === '{') {
      const q = /^\{(\d+)(,(\d*))?\}/.exec(js.slice(i));
      if (q) {
        const min = Math.min(Number(q[1]), MAX_REPEAT);
        const max = q[3] ? Number(q[3]) : undefined;
        if (q[2] === undefined) out += `{${min}}`;
        else if (max === undefined || max > UNBOUND_ABOVE) out += min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
        else out += `{${min},${max}}`;
        i += q[0].length;
        continue;
      }
      out += '\\{';
      i++;
      continue;
    }
    if (c === '}') {
      out += '\\}';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Index just past the group that opens at `start`. */
function groupEnd(js: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < js.length; i++) {
    const c = js[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return js.length;
}

/** Named groups become non-capturing: the exports count lines, they extract nothing (and mtail warns on unused captures). */
export function withoutCaptureNames(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else if (re.startsWith('(?P<', i)) {
      const end = re.indexOf('>', i);
      out += '(?:';
      i = end;
    } else out += c;
  }
  return out;
}

/** Escapes every unescaped `/` (mtail delimits regular expressions with slashes). */
export function escapeSlashes(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
    } else out += c === '/' ? '\\/' : c;
  }
  return out;
}

/** "connection-refused" → "ConnectionRefused" (alert names). */
export function pascalCase(id: string): string {
  return id.replace(/(?:^|-)([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase());
}

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars. */
export const yamlString = (s: string): string => JSON.stringify(s);
