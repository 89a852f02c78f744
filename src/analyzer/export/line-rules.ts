/**
 * The catalog as line rules for log engines that only have regular
 * expressions (mtail, Loki, Prometheus via mtail): one rule per signature, in
 * the order the engine tries them (first match wins), each pattern rewritten
 * from JavaScript to RE2 / Go syntax. The fleet exports (mtail.ts, loki.ts,
 * prometheus.ts) read the catalog only through catalogLineRules().
 *
 * This version is compiled from the catalog's regex signatures; the event
 * engine replaces it with rules compiled from event conditions, keeping this
 * signature.
 */
import type { Catalog, CatalogSignature } from '../types.ts';

export interface LineRule {
  id: string;
  cause: string;
  status: number;
  regex: string /* RE2 / Go syntax */;
}

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

/** The engine's order: priority (high first), then catalog order; access-log signatures after the rest, as for a line of unknown kind. */
export function catalogLineRules(catalog: Catalog): LineRule[] {
  const sigs: { sig: CatalogSignature; order: number }[] = [];
  for (const cause of catalog.causes) for (const sig of cause.signatures) sigs.push({ sig, order: sigs.length });
  const byPriority = (a: { sig: CatalogSignature; order: number }, b: { sig: CatalogSignature; order: number }) => b.sig.priority - a.sig.priority || a.order - b.order;
  const other = sigs.filter((s) => s.sig.source !== 'nginx-access').sort(byPriority);
  const access = sigs.filter((s) => s.sig.source === 'nginx-access').sort(byPriority);
  return [...other, ...access].map(({ sig }) => ({ id: sig.id, cause: sig.cause, status: sig.status, regex: toRe2(sig.pattern) }));
}
