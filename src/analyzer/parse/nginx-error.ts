/**
 * nginx error-log lines: "TIME [level] PID#TID: *CID message[ while action]
 * [, client: …][, server: …][, request: "…"][, upstream: "…"][, host: "…"]".
 * The head is parsed with fixed offsets (hot path: most lines are info/notice
 * noise); the context suffix only when a line matters.
 * Format facts: ../shared/nginx-upstream-errors.md §1.
 */
import { isNginxErrorTime, nginxErrorTime } from './time.ts';
import { own } from '../own.ts';

export const NGINX_LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'] as const;
/** Levels that mean something failed (nginx writes upstream failures at error and crit). */
export const ERROR_LEVELS = new Set(['emerg', 'alert', 'crit', 'error']);

export interface NginxErrorHead {
  /** ISO time, when the line had its timestamp. */
  time?: string;
  level: string;
  /** Where the message starts in the line. */
  msgStart: number;
}

/** The level by its first letter (a–w) and whether its second is "r" (error, not emerg). */
const LEVEL_AT: (readonly [string, string] | undefined)[] = [];
for (const l of NGINX_LEVELS) {
  const k = l.charCodeAt(0) - 97;
  const pair = (LEVEL_AT[k] ?? [l, l]) as [string, string];
  pair[l.charCodeAt(1) === 114 ? 1 : 0] = l;
  LEVEL_AT[k] = pair;
}

/** The level whose first two letters are at `i`, if one could be there (not checked further). */
const levelByLetters = (s: string, i: number): string | undefined => LEVEL_AT[s.charCodeAt(i) - 97]?.[s.charCodeAt(i + 1) === 114 ? 1 : 0];

/** The level word at `i` (`len` characters), as one of the shared NGINX_LEVELS strings: no allocation per line. */
function levelAt(s: string, i: number, len: number): string | undefined {
  const l = levelByLetters(s, i);
  return l !== undefined && l.length === len && s.startsWith(l, i) ? l : undefined;
}

/** "YYYY/MM/DD HH:MM:SS [level] PID#TID: [*CID ]" exactly as nginx writes it (ngx_log_error_core). */
const CANONICAL = /\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(?:emerg|alert|crit|error|warn|notice|info|debug)\] \d{1,10}#\d{1,10}: (?:\*\d{1,20} )?/y;

/** Raw stamp → ISO, cached: consecutive lines usually share the second. */
let lastRaw = '';
let lastIso = '';

/** The ISO time of the "YYYY/MM/DD HH:MM:SS" stamp at `at`. */
function stampAt(s: string, at: number): string {
  if (lastRaw === '' || !s.startsWith(lastRaw, at)) {
    lastRaw = own(s.slice(at, at + 19));
    lastIso = nginxErrorTime(lastRaw, 0);
  }
  return lastIso;
}

/**
 * Parses "YYYY/MM/DD HH:MM:SS [level] PID#TID: [*CID ]" at `at`, or the
 * stamp-less forms "[level] PID#TID: …" and "nginx: [level] …" (nginx -t).
 */
export function parseNginxErrorHead(s: string, at: number): NginxErrorHead | null {
  // The head as nginx writes it, in one native match (no allocation: where it ends is all that is read).
  CANONICAL.lastIndex = at;
  if (CANONICAL.test(s)) {
    const end = CANONICAL.lastIndex;
    if (s.charCodeAt(end) !== 95 /* _ (a Markdown-eaten "*CID") */) return { time: stampAt(s, at), level: levelByLetters(s, at + 21)!, msgStart: end };
  }
  let i = at;
  let time: string | undefined;
  if (isNginxErrorTime(s, at)) {
    time = stampAt(s, at);
    i = at + 20;
    // NGINX Unit stamps milliseconds: "2020/01/15 10:07:18.490 [debug]".
    if (s.charCodeAt(at + 19) === 46 /* . */) {
      let k = at + 20;
      while (k < at + 26 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
      if (k > at + 20 && s.charCodeAt(k) === 32) i = k + 1;
    }
  } else if (s.startsWith('nginx: [', at)) {
    i = at + 7;
  }
  if (s.charCodeAt(i) !== 91 /* [ */) return null;
  const close = s.indexOf(']', i + 1);
  if (close === -1 || close - i > 7) return null;
  const level = levelAt(s, i + 1, close - i - 1);
  if (level === undefined) return null;
  i = close + 1;
  if (s.charCodeAt(i) === 32) i++;
  // PID#TID:
  let j = i;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  if (j > i && s.charCodeAt(j) === 35 /* # */) {
    j++;
    while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (s.charCodeAt(j) === 58 /* : */) {
      i = j + 1;
      if (s.charCodeAt(i) === 32) i++;
    } else if (s.charCodeAt(j) === 32 && s.charCodeAt(i - 1) === 32) i = j + 1; // NGINX Unit: "PID#TID " without the colon
  }
  // *CID (Markdown turns "*487 … *" into italics and may leave "_487")
  const star = s.charCodeAt(i);
  if (star === 42 /* * */ || (star === 95 /* _ */ && i > at)) {
    let k = i + 1;
    while (k < s.length && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
    if (k > i + 1 && s.charCodeAt(k) === 32) i = k + 1;
  }
  return time === undefined ? { level, msgStart: i } : { time, level, msgStart: i };
}

export interface NginxContext {
  /** The message without its context suffix. */
  message: string;
  action?: string;
  client?: string;
  server?: string;
  request?: string;
  subrequest?: string;
  upstream?: string;
  host?: string;
  referrer?: string;
  resolver?: string;
  /** "in /etc/nginx/conf.d/x.conf:23" of config-time errors. */
  conf?: string;
}

const QUOTED_FIELDS = [', referrer: "', ', host: "', ', upstream: "', ', subrequest: "'] as const;

/** The names of the quoted fields after `request`, in nginx's order, as they follow a value's closing quote. */
const NEXT_MARKS = ['", subrequest: "', '", upstream: "', '", host: "', '", referrer: "'] as const;

/**
 * The commonest tail, `, request: "…"` and the fields after it, read as a
 * chain: each value runs to its first quote, which must be followed by the
 * next field's name or end the line. One native search per field. Returns
 * where the request field starts, or -1 (out untouched) for anything else.
 */
function quotedFieldsChain(msg: string, client: number, out: NginxContext): number {
  const n = msg.length;
  if (msg.charCodeAt(n - 1) !== 34 /* " */) return -1;
  const req = msg.indexOf(', request: "', client);
  if (req === -1) return -1;
  let start = req + 12;
  let close = msg.indexOf('"', start);
  const request = msg.slice(start, close);
  let subrequest: string | undefined;
  let upstream: string | undefined;
  let host: string | undefined;
  let referrer: string | undefined;
  let k = 0;
  while (close !== n - 1) {
    // The next field by the first letter of its name (`", upstream: "`), then confirmed whole.
    const c = msg.charCodeAt(close + 3);
    const next = c === 117 /* u */ ? 1 : c === 104 /* h */ ? 2 : c === 114 /* r */ ? 3 : c === 115 /* s */ ? 0 : -1;
    if (next < k || !msg.startsWith(NEXT_MARKS[next as 0 | 1 | 2 | 3], close)) return -1;
    k = next;
    start = close + NEXT_MARKS[k]!.length;
    close = msg.indexOf('"', start);
    if (close === -1) return -1;
    const v = msg.slice(start, close);
    if (k === 0) subrequest = v;
    else if (k === 1) upstream = v;
    else if (k === 2) host = v;
    else referrer = v;
    k++;
  }
  out.request = request;
  if (subrequest !== undefined) out.subrequest = subrequest;
  if (upstream !== undefined) out.upstream = upstream;
  if (host !== undefined) out.host = host;
  if (referrer !== undefined) out.referrer = referrer;
  return req;
}

/**
 * Splits the context suffix off a message. Request, host and referrer are not
 * escaped by nginx and may contain quotes or ", ", so the quoted fields are
 * located from the right — within the suffix that starts at ", client: "
 * (every search is bounded by that short tail: this runs on every line).
 */
/** The quoted fields of a cut context that are complete (closing quote present), read left to right. */
function readCutFields(tail: string, out: NginxContext): void {
  const field = (name: string): string | undefined => {
    const at = tail.indexOf(name);
    if (at === -1) return undefined;
    const close = tail.indexOf('"', at + name.length);
    return close === -1 ? undefined : tail.slice(at + name.length, close);
  };
  const upstream = field(', upstream: "');
  if (upstream !== undefined) out.upstream = upstream;
  const host = field(', host: "');
  if (host !== undefined && out.host === undefined) out.host = host;
  const srv = tail.indexOf(', server: ');
  const req = tail.indexOf(', request: "');
  if (req !== -1 && out.request === undefined) {
    const r = field(', request: "');
    if (r !== undefined) out.request = r;
  }
  const stop = [srv, req, tail.indexOf(', upstream: "'), tail.indexOf(', host: "')].filter((i) => i > 0);
  if (stop.length) out.client = tail.slice(10, Math.min(...stop));
  if (srv !== -1) {
    const after = [req, tail.indexOf(', upstream: "'), tail.indexOf(', host: "')].filter((i) => i > srv);
    out.server = tail.slice(srv + 10, after.length ? Math.min(...after) : tail.length);
  }
}

export function parseNginxContext(msg: string): NginxContext {
  const out = readContext(msg);
  splitAction(out);
  return out;
}

/** The context fields of a message; `message` keeps its action (see splitAction). */
export function readContext(msg: string): NginxContext {
  const out: NginxContext = { message: msg };
  const client = msg.indexOf(', client: ');
  let end: number;
  if (client !== -1) {
    // Offsets into msg from here on: no copy of the tail (this runs on every line).
    let e = quotedFieldsChain(msg, client, out);
    // Otherwise, quoted fields from the right by name: referrer, host, upstream, subrequest.
    const slow = e === -1;
    if (slow) e = msg.length;
    for (let f = 0; slow && f < QUOTED_FIELDS.length; f++) {
      if (msg.charCodeAt(e - 1) !== 34 /* " */) break;
      const name = QUOTED_FIELDS[f]!;
      const at = msg.lastIndexOf(name, e);
      if (at < client) continue;
      const v = msg.slice(at + name.length, e - 1);
      e = at;
      if (f === 0) out.referrer = v;
      else if (f === 1) out.host = v;
      else if (f === 2) out.upstream = v;
      else out.subrequest = v;
    }
    const req = out.request !== undefined ? -1 : msg.indexOf(', request: "', client);
    if (req !== -1 && req < e && msg.charCodeAt(e - 1) === 34) {
      out.request = msg.slice(req + 12, e - 1);
      e = req;
    }
    const srv = msg.indexOf(', server: ', client);
    if (srv !== -1 && srv < e) {
      out.server = msg.slice(srv + 10, e);
      e = srv;
    }
    out.client = msg.slice(client + 10, e);
    // A line cut short (copied from a terminal, a chat, a ticket) no longer ends
    // with a quote: read the complete quoted fields from the left instead.
    if (out.upstream === undefined && msg.charCodeAt(msg.length - 1) !== 34) readCutFields(msg.slice(client), out);
    end = client;
  } else {
    end = msg.length;
    const res = msg.lastIndexOf(', resolver: ');
    if (res !== -1) {
      out.resolver = msg.slice(res + 12);
      end = res;
    }
    // Config-time errors end with " in /path/file.conf:LINE".
    const conf = msg.lastIndexOf(' in /', end) === -1 ? null : / in (\/[^\s]{1,1024}:\d+)$/.exec(msg.slice(0, end));
    if (conf) {
      out.conf = conf[1]!;
      end = conf.index;
    }
  }
  out.message = end === msg.length ? msg : msg.slice(0, end);
  return out;
}

/** Splits the `while …` action (and OpenResty's Lua phase) off `out.message`. */
export function splitAction(out: NginxContext): void {
  let message = out.message;
  // OpenResty's Lua logger puts ", context: ngx.timer" (the Lua phase) before the client.
  const lua = message.lastIndexOf(', context: ');
  if (lua !== -1 && /^, context: [\w.]{1,40}$/.test(message.slice(lua))) message = message.slice(0, lua);
  const w = message.lastIndexOf(' while ');
  if (w !== -1) {
    out.action = message.slice(w + 7);
    message = message.slice(0, w);
  }
  out.message = message;
}

