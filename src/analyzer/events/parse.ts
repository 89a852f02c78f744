/**
 * nginx's error-log grammar → Event. A line is
 *   [wrapper] [YYYY/MM/DD HH:MM:SS] [level] PID#TID: [*CID] message
 *   [(SSL: queue)] [(errno: text)] [while action][, client: …][, server: …]
 *   [, request: "…"][, subrequest: "…"][, upstream: "…"][, host: "…"][, referrer: "…"]
 * (ngx_log_error_core in ngx_log.c, ngx_http_log_error in ngx_http_request.c).
 * The message's fixed text is its template (templates.ts or the syscall
 * rule); errno, SSL reason, syscall and action are resolved through the data
 * tables, so every platform's wording of one failure yields one event.
 */
import { unwrap } from '../detect/prefixes.ts';
import { parseNginxErrorHead, readContext, splitAction, type NginxErrorHead } from '../parse/nginx-error.ts';
import { resolveErrno, type ErrnoValue } from './errno.ts';
import { parseSslQueue, type SslError } from './ssl.ts';
import { actionInfo, canonicalSyscall, resolveAction } from './grammar.ts';
import { TEMPLATES } from './templates.ts';
import { normaliseLine, pasteMarks } from './normalise.ts';
import { own } from '../own.ts';
import { parsePeer, parseUpstream, type Upstream } from './upstream.ts';
import { RecentStrings } from './recent.ts';

export type { Upstream } from './upstream.ts';

export interface EventContext {
  client?: string;
  server?: string;
  request?: string;
  subrequest?: string;
  upstream?: Upstream;
  host?: string;
  referrer?: string;
  resolver?: string;
  /** "/etc/nginx/conf.d/x.conf:23" of configuration-time messages. */
  conf?: string;
}

export interface NginxEvent extends MessageParts {
  source: 'nginx-error';
  level?: string;
  time?: string;
  action?: string;
  context: EventContext;
  /** Where nginx's own text starts in the line (after shipper prefixes). */
  offset: number;
  /** The line was repaired before reading (spacing, quotes) or cut short. */
  normalised: boolean;
  truncated: boolean;
  /**
   * The reading of the message shared by every line with the same message
   * (errno, SSL queue and target included): what the event's template,
   * syscall, errno, SSL, code, target and message come from, so it keys the
   * condition cache (conditions/matcher.ts). Absent when the line was cut
   * short or its event was changed after reading.
   */
  shape?: MessageParts | undefined;
}

const NO_CONTEXT: EventContext = Object.freeze({}) as EventContext;

/** One string instance per syscall template (they key maps on every line). */
const INTERNED = new Map<string, string>();
function intern(t: string): string {
  const hit = INTERNED.get(t);
  if (hit !== undefined) return hit;
  if (INTERNED.size >= 1024) return t;
  const kept = own(t);
  INTERNED.set(kept, kept);
  return kept;
}

/** Upstream values repeat: parsed once each (bounded). */
const UPSTREAMS = new RecentStrings<Upstream>(4096);

function upstreamOf(raw: string): Upstream {
  let u = UPSTREAMS.get(raw);
  if (u === undefined) {
    // Cached values outlive the line: read from a copy, not from the input chunk (see own.ts).
    u = Object.freeze(parseUpstream(own(raw))) as Upstream;
    UPSTREAMS.offer(raw, u);
  }
  return u;
}

interface CompiledTemplate {
  template: string;
  re: RegExp;
  slots: string[];
}

function compileTemplate(t: string): CompiledTemplate {
  const slots: string[] = [];
  let src = '^';
  let last = 0;
  const ph = /%([TSVd])/g;
  for (let m = ph.exec(t); m; m = ph.exec(t)) {
    src += t.slice(last, m.index).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    src += m[1] === 'd' ? '(\\d+)' : '(.+?)';
    slots.push(m[1]!);
    last = m.index + 2;
  }
  src += t.slice(last).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + '$';
  // Quoted peer text last ("FastCGI sent in stderr: "…""): nginx cuts long ones, so the closing quote may be missing.
  if (t.endsWith('"%S"')) src = `${src.slice(0, -1)}?$`;
  return { template: t, re: new RegExp(src, 's'), slots };
}

/**
 * Templates bucketed by their first two words when both are fixed text
 * ("upstream sent", "client sent"), else by their first word ("client %T
 * closed…" under "client"); a template starting with a placeholder goes to "*".
 */
const BUCKETS = new Map<string, CompiledTemplate[]>();
for (const t of TEMPLATES) {
  const c = compileTemplate(t);
  let key = '*';
  if (!t.startsWith('%') && !t.startsWith('"%')) {
    const w1 = firstWord(t);
    const w2 = firstWord(t.slice(w1.length + 1));
    key = t.charCodeAt(w1.length) === 32 && w2.length > 0 && !w2.includes('%') && !w2.includes('"') ? `${w1} ${w2}` : w1;
  }
  const b = BUCKETS.get(key) ?? [];
  b.push(c);
  BUCKETS.set(key, b);
}
const ANYWHERE = BUCKETS.get('*') ?? [];

function firstWord(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 58 /* : */) i++;
  return s.slice(0, i);
}

/** "connect() to %T failed", "open() "%T" failed", "bind(%T) failed", "accept4() failed" … */
const SYSCALL = /^([A-Za-z_][A-Za-z0-9_]{0,40})\(([^()]{0,200})\)(?: (to|on|for|of) (.+?)| "(.{0,1024}?)"(?: to "(.{0,1024}?)")?)? failed(, ignored)?$/s;
const REPORTED = /^(kevent|epoll_wait|eventport|WSAPoll)\(\) reported (?:that )?/;
/** " (N: text)" at the end; Windows texts may hold one level of parentheses; a cut line may lose the ")". */
const ERRNO_TAIL = /^\s?\((\d{1,5}): ((?:[^()]|\([^()]*\))*)\)$/;
const ERRNO_CUT = /\s?\((\d{1,5}): ((?:[^()]|\([^()]*\))*)$/;
const SSL_TAIL = /\s?\(SSL: (.*)\)$/s;
const SSL_CUT = /\s?\(SSL: (.*)$/s;

/** What the message itself says (its context and action aside): one reading per distinct message. */
export interface MessageParts {
  /** The message as printed, without errno, SSL queue, action and context. */
  message: string;
  /** The message's fixed text, variables replaced (see templates.ts). */
  template: string;
  /** Whether the template is one nginx's source is known to print (else derived from the text). */
  known: boolean;
  /** Canonical system call ("recv" for WSARecv(), "connect" for kevent() reporting connect()). */
  syscall?: string;
  /** The call as printed, when it differs from `syscall`. */
  syscallAs?: string;
  /** The event notifier that reported the failure ("kevent", "epoll_wait"). */
  via?: string;
  /** What the message is about: an address, a unix socket, a file or a name. */
  target?: string;
  targetKind?: 'unix' | 'address' | 'file' | 'name';
  errno?: ErrnoValue;
  ssl?: SslError;
  /** The first number in the message (FastCGI version, HTTP/2 error, resolver code, verify code…). */
  code?: number;
  /** Free text the peer sent (FastCGI stderr, a header). */
  detail?: string;
}

function kindOfTarget(t: string, quotedPath: boolean): NginxEvent['targetKind'] {
  if (t.startsWith('unix:')) return 'unix';
  if (quotedPath || t.startsWith('/')) return 'file';
  const c = t.charCodeAt(0);
  if ((c === 91 /* [ */ || (c >= 48 && c <= 57)) && /^(?:\[[0-9a-fA-F:.]+\]|[0-9.]+)(?::\d+)?$/.test(t)) return 'address';
  if (/:\d{1,5}$/.test(t)) return 'address';
  return 'name';
}

/** A template for a message no table entry fits: quoted text, paths and numbers become placeholders. */
export function deriveTemplate(msg: string): string {
  return msg
    .replace(/"[^"]*"/g, '"%V"')
    .replace(/(?<![\w])\/[^\s,"]+/g, '%V')
    .replace(/\b\d+(?:\.\d+)*\b/g, '%d');
}

/** Where " (N: text)" starts at the end of `msg` (one level of parentheses inside the text), or -1. */
function errnoTailAt(msg: string): number {
  const n = msg.length;
  if (n < 5 || msg.charCodeAt(n - 1) !== 41 /* ) */) return -1;
  let depth = 0;
  for (let i = n - 2; i >= 0 && i >= n - 600; i--) {
    const c = msg.charCodeAt(i);
    if (c === 41) depth++;
    else if (c === 40 /* ( */) {
      if (depth === 0) {
        const d = msg.charCodeAt(i + 1);
        return d >= 48 && d <= 57 ? (i > 0 && msg.charCodeAt(i - 1) === 32 ? i - 1 : i) : -1;
      }
      depth--;
    }
  }
  return -1;
}

/** Readings of whole messages (a log repeats a few hundred): bounded, keys copied out of the input (own.ts). */
const MESSAGES = new RecentStrings<MessageParts>(4096);
/** The same for a message with its `while …` action: its reading and the action. */
const BODIES = new RecentStrings<{ parts: MessageParts; action: string | undefined; cut: boolean }>(4096);

/**
 * Reads the message part (context suffix already removed). A message read
 * before gives the same (frozen) reading; a message cut short is read anew.
 */
export function readMessage(raw: string, truncated: boolean): MessageParts {
  if (truncated) return readMessageUncached(raw, true);
  let p = MESSAGES.get(raw);
  if (p === undefined) {
    p = Object.freeze(readMessageUncached(own(raw), false));
    MESSAGES.offer(raw, p);
  }
  return p;
}

function readMessageUncached(raw: string, truncated: boolean): MessageParts {
  let msg = raw;
  let errno: ErrnoValue | undefined;
  let ssl: SslError | undefined;
  const at = errnoTailAt(msg);
  const m = at !== -1 ? ERRNO_TAIL.exec(msg.slice(at)) : truncated ? ERRNO_CUT.exec(msg) : null;
  if (m) {
    errno = resolveErrno(Number(m[1]), m[2]!);
    msg = msg.slice(0, at !== -1 ? at + m.index : m.index);
  }
  // The SSL queue closes the message (before any errno): only a message ending in ")" (or cut short) can hold one.
  const sslAt = msg.charCodeAt(msg.length - 1) === 41 || truncated ? msg.lastIndexOf('(SSL: ') : -1;
  const s = sslAt === -1 ? null : (SSL_TAIL.exec(msg.slice(Math.max(0, sslAt - 1))) ?? (truncated && !errno ? SSL_CUT.exec(msg.slice(Math.max(0, sslAt - 1))) : null));
  if (s) {
    ssl = parseSslQueue(s[1]!) ?? undefined;
    msg = msg.slice(0, Math.max(0, sslAt - 1) + s.index);
  }
  const out: MessageParts = { message: msg, template: msg, known: false };
  if (errno) out.errno = errno;
  if (ssl) out.ssl = ssl;
  let body = msg;
  const rep = REPORTED.exec(body);
  if (rep) {
    out.via = rep[1]!;
    body = body.slice(rep[0].length);
  }
  // The resolver prints its own codes in errno form: they are a code, not an errno.
  if (errno && body.endsWith(' could not be resolved')) {
    out.code = errno.number;
    out.detail = errno.text;
    delete out.errno;
  }
  const sc = SYSCALL.exec(body);
  if (sc) {
    const as = sc[1]!;
    const call = canonicalSyscall(as);
    out.syscall = call;
    if (as !== call) out.syscallAs = as;
    out.known = true;
    const ignored = sc[7] ? ', ignored' : '';
    if (sc[4] !== undefined) {
      out.template = intern(`${call}() ${sc[3]} %T failed${ignored}`);
      out.target = sc[4];
      out.targetKind = kindOfTarget(sc[4], false);
    } else if (sc[5] !== undefined) {
      out.template = intern(sc[6] !== undefined ? `${call}() "%T" to "%V" failed${ignored}` : `${call}() "%T" failed${ignored}`);
      out.target = sc[5];
      out.targetKind = 'file';
    } else if (sc[2]) {
      out.template = intern(`${call}(%T) failed${ignored}`);
      out.target = sc[2];
      out.targetKind = kindOfTarget(sc[2], false);
    } else out.template = intern(`${call}() failed${ignored}`);
    return out;
  }
  const w1 = firstWord(body);
  const two = body.charCodeAt(w1.length) === 32 ? BUCKETS.get(`${w1} ${firstWord(body.slice(w1.length + 1))}`) : undefined;
  const one = BUCKETS.get(w1);
  for (const list of [two, one, ANYWHERE]) {
    if (list === undefined) continue;
    for (const t of list) {
      const tm = t.re.exec(body);
      if (!tm) continue;
      out.template = t.template;
      out.known = true;
      t.slots.forEach((slot, i) => {
        const v = tm[i + 1]!;
        if (slot === 'T' && out.target === undefined) {
          out.target = v;
          out.targetKind = kindOfTarget(v, false);
        } else if (slot === 'S' && out.detail === undefined) out.detail = v;
        else if (slot === 'd' && out.code === undefined) out.code = Number(v);
      });
      return out;
    }
  }
  const first = body.charCodeAt(0);
  if (first >= 65 && first <= 90 && !/^[A-Z_]+\(|^[A-Z]{2}/.test(body)) {
    // Capitalised by a person or a chat tool ("Upstream sent too big header").
    const again = readMessageUncached(`${body[0]!.toLowerCase()}${body.slice(1)}`, truncated);
    if (again.known) return { ...again, ...(out.errno ? { errno: out.errno } : {}), ...(out.ssl ? { ssl: out.ssl } : {}) };
  }
  if (truncated) {
    // Cut inside the message: the one known template it is the start of.
    const lower = body;
    const hits = TEMPLATES.filter((t) => !t.startsWith('%') && lower.length >= 8 && t.split('%')[0]!.startsWith(lower));
    if (hits.length === 1) {
      out.template = hits[0]!;
      out.known = true;
      return out;
    }
  }
  // An error string lua-nginx-module's cosockets return, after the Lua caller's own words
  // ("send err:no resolver defined to resolve \"x\"", ngx_http_lua_socket_tcp.c).
  for (const e of LUA_ERRORS) {
    const at = body.indexOf(e);
    if (at > 0 && at <= 60) {
      const again = readMessageUncached(body.slice(at), truncated);
      if (again.known) return again;
    }
  }
  out.template = deriveTemplate(body);
  return out;
}

const LUA_ERRORS = ['no resolver defined to resolve '];

/**
 * Builds the event for the nginx message starting at `msgStart` of `s`
 * (a line already unwrapped at `offset`, normalised when `normalised`).
 */
export function eventFrom(s: string, head: NginxErrorHead | null, msgStart: number, offset: number, normalised: boolean, truncated: boolean): NginxEvent {
  const ctx = readContext(msgStart === 0 ? s : s.slice(msgStart));
  // Most noise has no context: share one empty object rather than allocate one per line.
  let context: EventContext = NO_CONTEXT;
  if (ctx.client !== undefined || ctx.resolver !== undefined || ctx.conf !== undefined || ctx.upstream !== undefined) {
    context = {};
    if (ctx.client !== undefined) context.client = ctx.client;
    if (ctx.server !== undefined) context.server = ctx.server;
    if (ctx.request !== undefined) context.request = ctx.request;
    if (ctx.subrequest !== undefined) context.subrequest = ctx.subrequest;
    if (ctx.upstream !== undefined) context.upstream = upstreamOf(ctx.upstream);
    if (ctx.host !== undefined) context.host = ctx.host;
    if (ctx.referrer !== undefined) context.referrer = ctx.referrer;
    if (ctx.resolver !== undefined) context.resolver = ctx.resolver;
    if (ctx.conf !== undefined) context.conf = ctx.conf;
  }
  // The message with its action repeats line after line: read once (when the line is whole).
  const body = ctx.message;
  let reading = truncated ? undefined : BODIES.get(body);
  // Only a reading that is cached is the message's shape (a one-off message keys no condition cache).
  let shared = reading !== undefined;
  if (reading === undefined) {
    splitAction(ctx);
    let message = ctx.message;
    let action: string | undefined;
    if (ctx.action !== undefined) {
      action = resolveAction(ctx.action);
      // " while " inside a message that names no known action is part of the message.
      if (action === undefined) {
        if (truncated && ctx.client === undefined) action = undefined;
        message = action === undefined && !/^[a-zA-Z][\w /-]{0,60}$/.test(ctx.action) ? `${message} while ${ctx.action}` : message;
        if (message === ctx.message) action = ctx.action;
      }
    }
    const cut = truncated && ctx.client === undefined && action === undefined;
    reading = { parts: readMessage(message, cut), action: action === undefined ? undefined : own(action), cut };
    if (!truncated) shared = BODIES.offer(body, reading);
  }
  const { parts, action, cut } = reading;
  const ev: NginxEvent = {
    source: 'nginx-error',
    message: parts.message,
    template: parts.template,
    known: parts.known,
    context,
    offset,
    normalised,
    truncated,
  };
  if (shared && !cut) ev.shape = parts;
  if (head) {
    ev.level = head.level;
    if (head.time !== undefined) ev.time = head.time;
  }
  if (parts.syscall !== undefined) ev.syscall = parts.syscall;
  if (parts.syscallAs !== undefined) ev.syscallAs = parts.syscallAs;
  if (parts.via !== undefined) ev.via = parts.via;
  if (parts.target !== undefined) {
    ev.target = parts.target;
    if (parts.targetKind) ev.targetKind = parts.targetKind;
  }
  if (parts.errno) ev.errno = parts.errno;
  if (parts.ssl) ev.ssl = parts.ssl;
  if (action !== undefined) ev.action = action;
  if (parts.code !== undefined) ev.code = parts.code;
  if (parts.detail !== undefined) ev.detail = parts.detail;
  return ev;
}

/**
 * A light reading for informational noise: the message and its action only
 * (the context after ", client: " is not read; `context` stays empty).
 */
export function lightEventFrom(s: string, head: NginxErrorHead, offset: number): NginxEvent {
  const start = head.msgStart;
  const client = s.indexOf(', client: ', start);
  let end = client === -1 ? s.length : client;
  let action: string | undefined;
  const w = s.lastIndexOf(' while ', end);
  if (w >= start) {
    action = resolveAction(s.slice(w + 7, end));
    if (action !== undefined) end = w;
  }
  const parts = readMessage(start === 0 && end === s.length ? s : s.slice(start, end), false);
  const ev: NginxEvent = { source: 'nginx-error', level: head.level, message: parts.message, template: parts.template, known: parts.known, context: NO_CONTEXT, offset, normalised: false, truncated: false };
  if (head.time !== undefined) ev.time = head.time;
  if (parts.syscall !== undefined) ev.syscall = parts.syscall;
  if (parts.errno) ev.errno = parts.errno;
  if (parts.ssl) ev.ssl = parts.ssl;
  if (action !== undefined) ev.action = action;
  return ev;
}

/** Transport of the event's peer: the upstream field's, else the target's. */
export function eventTransport(ev: NginxEvent): 'tcp' | 'unix' | undefined {
  if (ev.context.upstream) return ev.context.upstream.transport;
  if (ev.targetKind === 'unix') return 'unix';
  if (ev.targetKind === 'address') return 'tcp';
  return undefined;
}

/** Host of the event's peer (upstream field first, else an address target). */
export function eventHost(ev: NginxEvent): string | undefined {
  const u = ev.context.upstream;
  if (u?.host !== undefined && u.transport === 'tcp' && (u.port !== undefined || ev.targetKind !== 'address')) return u.host;
  if (ev.targetKind === 'address' && ev.target) return parsePeer(ev.target).host;
  return u?.host;
}

/** Known templates too plain to identify nginx on their own. */
const PLAIN = new Set(['exit', 'exiting', 'aborting', 'reconfiguring', 'reopening logs', 'nginx/%V', 'built by %V', 'OS: %V', 'client timed out', 'client closed connection', 'gracefully shutting down', 'start worker processes', 'signal process started']);

/** Whether a message without nginx's head reads as nginx's: a known template with nginx's errno, action or context, or a distinctive template. */
export function looksLikeNginx(ev: NginxEvent): boolean {
  // An unknown message still reads as nginx's when it ends in one of nginx's upstream phases
  // ("… while connecting to upstream"): a module's message, or one whose start was cut off.
  // So does nginx's own wrapping of an OpenSSL error queue, " (SSL: error:…)", pasted alone.
  if (!ev.known) return (ev.action !== undefined && actionInfo(ev.action)?.side === 'upstream') || (ev.ssl !== undefined && ev.message.trim() === '');
  if (ev.errno !== undefined || ev.action !== undefined || ev.context.client !== undefined || ev.ssl !== undefined || ev.context.upstream !== undefined) return true;
  return ev.syscall === undefined && !PLAIN.has(ev.template) && ev.template.length >= 16;
}

/**
 * Reads one line (raw, wrapped by a shipper, stamp-less, re-spaced, cut
 * short) as an nginx error-log event; null when it is not one. `year` lets
 * yearless syslog stamps borrow a year.
 */
export function parseEvent(line: string, year?: string): NginxEvent | null {
  const marks = pasteMarks(line);
  const src = marks ? line.slice(marks.start, marks.end) : line;
  const base = marks ? marks.start : 0;
  const u = unwrap(src, year);
  const norm = normaliseLine(u.offset === 0 ? src : src.slice(u.offset));
  const s = norm.text;
  const truncated = norm.truncated || (marks?.cut ?? false);
  const head = parseNginxErrorHead(s, 0);
  if (head) {
    const ev = eventFrom(s, head, head.msgStart, base + u.offset, norm.changed || marks !== null, truncated);
    if (ev.time === undefined && u.time !== undefined) ev.time = u.time;
    return ev;
  }
  // nginx's stamp behind a prefix no unwrapper knows ("err log: ", "nginx | ", an ISO time without zone…).
  const inner = headAfterPrefix(s);
  if (inner !== -1) {
    const h = parseNginxErrorHead(s, inner);
    if (h) {
      const ev = eventFrom(s, h, h.msgStart, base + u.offset + inner, true, truncated);
      return ev;
    }
  }
  // A message pasted without its head ("*55 connect() failed…", "12#12: *7 …"): kept only when it reads as nginx's.
  const rest = BARE_HEAD.exec(s);
  const ev = eventFrom(s, null, rest ? rest[0].length : 0, base + u.offset, norm.changed || marks !== null, truncated);
  if (!looksLikeNginx(ev)) return null;
  if (!ev.known) stderrTail(ev);
  if (u.time !== undefined) ev.time = u.time;
  return ev;
}

/**
 * The last physical line of a FastCGI stderr record that spanned several
 * lines ("PHP message: …\" while reading response header from upstream, …"):
 * the text ends with the closing quote of `FastCGI sent in stderr: "…"`
 * whose opening quote is on an earlier line. Read as that template.
 */
export function stderrTail(ev: NginxEvent): void {
  const m = ev.message;
  // An OpenSSL error queue pasted without the call that failed.
  if (m.trim() === '' && ev.ssl !== undefined) {
    ev.shape = undefined;
    ev.template = '(SSL: %V)';
    return;
  }
  if (m.charCodeAt(m.length - 1) !== 34 /* " */ || ev.context.upstream?.scheme !== 'fastcgi') return;
  let quotes = 0;
  for (let i = m.indexOf('"'); i !== -1; i = m.indexOf('"', i + 1)) quotes++;
  if (quotes % 2 === 0) return;
  ev.shape = undefined;
  ev.template = 'FastCGI sent in stderr: "%S"';
  ev.known = true;
  ev.detail = m.slice(0, -1);
}

const STAMP_INSIDE = /(?:^|[\s|:>`*])(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[|\[(?:emerg|alert|crit|error|warn|notice|info|debug)\] \d{1,10}#\d{1,10}: )/;

/** Where nginx's own "YYYY/MM/DD HH:MM:SS [" or "[level] PID#TID: " starts after an unknown prefix (within 120 characters), or -1. */
export function headAfterPrefix(s: string): number {
  const m = STAMP_INSIDE.exec(s.length > 160 ? s.slice(0, 160) : s);
  if (!m || m.index > 120) return -1;
  return m.index + m[0].length - m[1]!.length;
}

/**
 * What is left of nginx's head when a paste lost the time and level: "PID#TID: *CID " (after a poster's "Error: `").
 * The connection number may have lost its "*" too (Markdown reads a lone "*" as emphasis and drops it): a bare
 * number is taken for it only before a capital ("2734 FastCGI sent in stderr…"), since some messages start with a
 * number of their own ("1024 worker_connections are not enough").
 */
export const BARE_HEAD = /^\s*(?:(?:[A-Za-z][\w .-]{0,30}: `?)?\d{1,10}#\d{1,10}: ?)?(?:\*\d{1,20} |\d{1,20} (?=[A-Z]))?/;
