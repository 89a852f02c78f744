/**
 * Compiles a pasted `log_format name '…' '…';` directive into a line parser:
 * the format becomes literal/variable segments, and a line is scanned left to
 * right, each variable running up to the next literal. JSON formats
 * (escape=json, or text starting with "{") become a key → variable map for
 * the JSON parser instead.
 */
import { FIELD_ALIASES, setField, type AccessField, type AccessRecord } from './access-record.ts';
import { anyTime } from './time.ts';

export interface CompiledLogFormat {
  name: string;
  /** Alternating literals and variables; `vars[i]` sits between `lits[i]` and `lits[i + 1]`. */
  lits: string[];
  vars: string[];
  /** For JSON formats: JSON key → nginx variable. */
  json?: Record<string, string>;
}

/** Variables whose values are lists ("a, b : c") and may contain the next literal's space. */
const LIST_VARS = new Set(['upstream_addr', 'upstream_status', 'upstream_response_time', 'upstream_connect_time', 'upstream_header_time', 'upstream_bytes_received', 'upstream_response_length', 'http_x_forwarded_for']);

/** Reads the quoted/unquoted argument strings of a directive (nginx escape rules). */
function directiveArgs(text: string): string[] {
  const args: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === ';') break;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    let v = '';
    if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < n) {
          const e = text[i + 1]!;
          v += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '"' || e === "'" || e === '\\' ? e : `\\${e}`;
          i += 2;
          continue;
        }
        v += text[i];
        i++;
      }
      i++;
    } else {
      while (i < n && !/[\s;]/.test(text[i]!)) v += text[i++];
    }
    args.push(v);
  }
  return args;
}

/** Parses the whole directive text ("log_format main '…' '…';"); null when it is not one. */
export function compileLogFormat(directive: string): CompiledLogFormat | null {
  const args = directiveArgs(directive.trim());
  if (args[0] !== 'log_format' || args.length < 3) return null;
  const name = args[1]!;
  let rest = args.slice(2);
  let escape = 'default';
  if (rest[0]?.startsWith('escape=')) {
    escape = rest[0].slice(7);
    rest = rest.slice(1);
  }
  const format = rest.join('');
  if (format === '') return null;
  const lits: string[] = [];
  const vars: string[] = [];
  const re = /\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    lits.push(format.slice(last, m.index));
    vars.push((m[1] ?? m[2])!);
    last = m.index + m[0].length;
  }
  lits.push(format.slice(last));
  const out: CompiledLogFormat = { name, lits, vars };
  if (escape === 'json' || format.trimStart().startsWith('{')) {
    const json: Record<string, string> = {};
    const pair = /"([^"]{1,128})"\s*:\s*"?\$\{?([A-Za-z0-9_]+)\}?/g;
    for (let m = pair.exec(format); m; m = pair.exec(format)) json[m[1]!] = m[2]!;
    out.json = json;
  }
  return out;
}

/** Maps an nginx variable name to a record field (also `$status` vs `$upstream_status`…). */
export function fieldForVariable(v: string): AccessField | undefined {
  return FIELD_ALIASES[v.toLowerCase()];
}

/** Scans one line with a compiled (non-JSON) format; null when the literals do not line up. */
export function parseWithFormat(fmt: CompiledLogFormat, s: string, at: number): AccessRecord | null {
  const { lits, vars } = fmt;
  if (!s.startsWith(lits[0]!, at)) return null;
  let i = at + lits[0]!.length;
  const rec: AccessRecord = { format: 'custom' };
  for (let k = 0; k < vars.length; k++) {
    const next = lits[k + 1]!;
    const name = vars[k]!;
    let end: number;
    if (next === '') {
      end = k + 1 === vars.length ? s.length : i; // two variables back to back: cannot split, leave the first empty
    } else {
      end = s.indexOf(next, i);
      // A list value ("a, b" / "a : b") contains the separator space; skip those.
      if (LIST_VARS.has(name) && next.startsWith(' ')) {
        while (end !== -1 && (s.charCodeAt(end - 1) === 44 || s.startsWith(' : ', end))) {
          end = s.indexOf(next, s.startsWith(' : ', end) ? end + 3 : end + 1);
        }
      }
      if (end === -1) return null;
    }
    const value = s.slice(i, end);
    const field = fieldForVariable(name);
    if (field) setField(rec, field, value, anyTime);
    i = end + next.length;
  }
  if (rec.status === undefined) return null;
  return rec;
}
