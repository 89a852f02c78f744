/**
 * Hand-written scanner for nginx's `combined` and `common` formats, distro
 * `main` (combined + "$http_x_forwarded_for"), the ingress-nginx upstream
 * tail, and `key=value` tails such as `us="502, 200" ua="…" rt=0.5`. No big
 * regex: access logs are the bulk of most inputs.
 */
import { FIELD_ALIASES, setField, splitRequest, type AccessRecord } from './access-record.ts';
import { timeLocal } from './time.ts';

let lastRawTime = '';
let lastIsoTime: string | undefined;

function digits(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** Parses a combined/common/main/ingress line starting at `at`, or returns null. */
export function parseCombined(s: string, at: number): AccessRecord | null {
  const sp1 = s.indexOf(' ', at);
  if (sp1 <= at || sp1 - at > 64) return null;
  // "$remote_addr - $remote_user [" — the user may be anything but is short.
  const lb = s.indexOf(' [', sp1);
  if (lb === -1 || lb - sp1 > 260) return null;
  const rb = lb + 28; // "[22/Nov/2026:23:58:07 +0000]" is 28 chars
  if (s.charCodeAt(rb) !== 93 /* ] */ || s.charCodeAt(rb + 1) !== 32 || s.charCodeAt(rb + 2) !== 34 /* " */) return null;
  const raw = s.slice(lb + 2, rb);
  if (raw !== lastRawTime) {
    lastRawTime = raw;
    lastIsoTime = timeLocal(raw);
  }
  if (lastIsoTime === undefined) return null;
  const q2 = s.indexOf('" ', rb + 3);
  if (q2 === -1) return null;
  const st = q2 + 2;
  const stEnd = digits(s, st);
  if (stEnd - st !== 3) return null;
  const rec: AccessRecord = { format: 'common', client: s.slice(at, sp1), time: lastIsoTime };
  splitRequest(rec, s.slice(rb + 3, q2));
  rec.status = (s.charCodeAt(st) - 48) * 100 + (s.charCodeAt(st + 1) - 48) * 10 + (s.charCodeAt(st + 2) - 48);
  let i = stEnd;
  if (s.charCodeAt(i) !== 32) return i === s.length ? rec : null;
  i++;
  const bEnd = digits(s, i);
  if (bEnd > i) rec.bytes = Number(s.slice(i, bEnd));
  else if (s.charCodeAt(i) === 45 /* - */) {
    /* "-" bytes */
  } else return null;
  i = bEnd > i ? bEnd : i + 1;
  if (i >= s.length) return rec;
  // Combined: ' "referer" "user agent"'
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 34) {
    const r2 = s.indexOf('"', i + 2);
    if (r2 !== -1 && s.charCodeAt(r2 + 1) === 32 && s.charCodeAt(r2 + 2) === 34) {
      const u2 = s.indexOf('"', r2 + 3);
      if (u2 !== -1) {
        rec.format = 'combined';
        const ref = s.slice(i + 2, r2);
        if (ref !== '-') rec.referer = ref;
        rec.userAgent = s.slice(r2 + 3, u2);
        i = u2 + 1;
      }
    }
  }
  if (i < s.length) parseTail(s, i, rec);
  return rec;
}

/** Everything after the user agent: "$http_x_forwarded_for", ingress fields, key=value pairs. */
function parseTail(s: string, from: number, rec: AccessRecord): void {
  let i = from;
  // main: ' "$http_x_forwarded_for"'
  if (s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === 34) {
    const e = s.indexOf('"', i + 2);
    if (e !== -1) {
      if (rec.format === 'combined') rec.format = 'main';
      const v = s.slice(i + 2, e);
      if (v !== '-') rec.xff = v;
      i = e + 1;
    }
  }
  if (i >= s.length) return;
  const c = s.charCodeAt(i + 1);
  if (c >= 48 && c <= 57 && parseIngressTail(s, i, rec)) return;
  parseKeyValues(s, i, rec);
}

/**
 * ingress-nginx default tail: " $request_length $request_time [$proxy_upstream_name]
 * [$proxy_alternative_upstream_name] $upstream_addr $upstream_response_length
 * $upstream_response_time $upstream_status $req_id".
 */
function parseIngressTail(s: string, from: number, rec: AccessRecord): boolean {
  const lb = s.indexOf(' [', from);
  if (lb === -1) return false;
  const head = s.slice(from + 1, lb).split(' ');
  if (head.length !== 2) return false;
  const rb1 = s.indexOf('] [', lb);
  if (rb1 === -1) return false;
  const rb2 = s.indexOf('] ', rb1 + 3);
  if (rb2 === -1) return false;
  // Lists use ", " and " : " inside a value; fold them so a space separates fields.
  const rest = s.slice(rb2 + 2).replaceAll(', ', ',').replaceAll(' : ', '\u0000').split(' ');
  if (rest.length < 4) return false;
  const unfold = (v: string): string => v.replaceAll(',', ', ').replaceAll('\u0000', ' : ');
  rec.format = 'ingress';
  setField(rec, 'requestTime', head[1]!);
  setField(rec, 'upstreamAddr', unfold(rest[0]!));
  setField(rec, 'upstreamResponseTime', unfold(rest[2]!));
  setField(rec, 'upstreamStatus', unfold(rest[3]!));
  return true;
}

/** `key=value` / `key="quoted value"` / `key: value` pairs; list values may contain ", " and " : ". */
export function parseKeyValues(s: string, from: number, rec: AccessRecord): void {
  let i = from;
  const n = s.length;
  while (i < n) {
    while (i < n && s.charCodeAt(i) === 32) i++;
    const ks = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 61 /* = */ || c === 32 || c === 34) break;
      i++;
    }
    if (i >= n || s.charCodeAt(i) !== 61) {
      // Not a key=value token: skip it (a quoted string may hold spaces).
      if (s.charCodeAt(i) === 34) {
        const e = s.indexOf('"', i + 1);
        i = e === -1 ? n : e + 1;
      }
      continue;
    }
    const key = s.slice(ks, i).toLowerCase();
    i++;
    let value: string;
    if (s.charCodeAt(i) === 34) {
      const e = s.indexOf('"', i + 1);
      const end = e === -1 ? n : e;
      value = s.slice(i + 1, end);
      i = end + 1;
    } else {
      const vs = i;
      for (;;) {
        while (i < n && s.charCodeAt(i) !== 32) i++;
        // "502, 200" and "502 : 200" continue the same value.
        if (s.charCodeAt(i - 1) === 44 && i < n) {
          i++;
          continue;
        }
        if (s.startsWith(' : ', i)) {
          i += 3;
          continue;
        }
        break;
      }
      value = s.slice(vs, i);
    }
    const field = FIELD_ALIASES[key];
    if (field && field !== 'time' && field !== 'status' && field !== 'client') setField(rec, field, value);
  }
}
