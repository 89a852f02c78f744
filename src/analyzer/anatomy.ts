/**
 * Per-line anatomy: one line taken apart into named fields (wrapper, time,
 * level, message, syscall, errno and its meaning, phase, context, upstream
 * parts) with where each sits in the line, the way explainshell explains a
 * command. The analyzer page shows it when a line is clicked.
 *
 * Built from today's parsers (prefix unwrapping, nginx's head and context
 * grammar) and the engine's own verdict on the line (kind, cause, status).
 */
import { Analyzer } from './analyzer.ts';
import { unwrap } from './detect/prefixes.ts';
import { ERROR_LEVELS, parseNginxContext, parseNginxErrorHead } from './parse/nginx-error.ts';
import type { Catalog, LineKind, LineResult } from './types.ts';

export interface AnatomyField {
  name: string;
  label: string;
  value: string;
  meaning?: string;
  /** [start, end) of the value in the line, when it appears there verbatim. */
  span?: [number, number];
}

export interface LineAnatomy {
  line: string;
  kind: LineKind;
  fields: AnatomyField[];
  /** Cause id (article slug) the engine attributes the line to. */
  cause?: string;
  /** True when the line is known noise: it fails no request. */
  harmless?: boolean;
  summary?: string;
}

const LEVEL_MEANING: Record<string, string> = {
  emerg: 'nginx cannot run (usually at start or reload).',
  alert: 'a problem needing action now, e.g. a worker process died.',
  crit: 'a critical failure; nginx logs failed connects to unix sockets at this level.',
  error: 'a request failed; most upstream failures are logged at this level.',
  warn: 'something unusual that did not fail the request by itself.',
  notice: 'informational: normal events such as signals and reloads.',
  info: 'informational: e.g. a client closed its connection.',
  debug: 'debug output of a --with-debug build.',
};

/** errno numbers as Linux (glibc and musl) prints them; the name makes the meaning portable. */
const ERRNO: Record<string, [string, string]> = {
  '2': ['ENOENT', 'the path does not exist: for a unix socket, the backend is not listening there.'],
  '11': ['EAGAIN', 'the listen queue of a unix socket is full: the backend accepts too slowly.'],
  '13': ['EACCES', 'permission denied: nginx\'s user may not open this path or socket.'],
  '24': ['EMFILE', 'the nginx worker ran out of file descriptors.'],
  '32': ['EPIPE', 'the backend closed the connection while nginx was still writing.'],
  '98': ['EADDRINUSE', 'the address is already in use.'],
  '99': ['EADDRNOTAVAIL', 'no free local address/port to connect from (ephemeral ports exhausted).'],
  '101': ['ENETUNREACH', 'no route to that network.'],
  '103': ['ECONNABORTED', 'the connection was aborted locally.'],
  '104': ['ECONNRESET', 'the backend (or something in between) reset the connection.'],
  '110': ['ETIMEDOUT', 'the peer did not answer in time.'],
  '111': ['ECONNREFUSED', 'nothing listens on that address and port (or a firewall rejects it).'],
  '113': ['EHOSTUNREACH', 'the host is unreachable: it is down or a route/firewall drops it.'],
};

/** The `while …` action → the phase of the upstream exchange nginx was in. */
const PHASES: [RegExp, string][] = [
  [/^connecting to upstream/, 'connect: nginx had not sent the request yet, so retrying another server is safe.'],
  [/^SSL handshaking to upstream/, 'TLS handshake with the backend, before the request was sent.'],
  [/^sending request to upstream/, 'sending the request: the backend may have started processing it.'],
  [/^reading response header from upstream/, 'waiting for the response headers: the request was sent, the backend answered nothing (valid) yet.'],
  [/^reading upstream/, 'reading the response body: the status and headers had already been sent to the client.'],
  [/^reading response from upstream/, 'reading the response.'],
  [/^resolving/, 'DNS resolution of the upstream name.'],
];

const SYSCALLS: Record<string, string> = {
  'connect()': 'opening a connection to the backend.',
  'recv()': 'reading from the backend connection.',
  'readv()': 'reading from the backend connection.',
  'send()': 'writing to the backend connection.',
  'writev()': 'writing to the backend connection.',
  'sendfile()': 'sending a file to the client.',
  'open()': 'opening a file.',
  'SSL_do_handshake()': 'the TLS handshake (OpenSSL).',
  'SSL_read()': 'reading over TLS.',
  'SSL_write()': 'writing over TLS.',
  'accept4()': 'accepting a client connection.',
  'socket()': 'creating a socket.',
};

/** Labels and meanings for the facts other parsers (access log, PHP-FPM, app servers…) return. */
const FACT_LABELS: Record<string, [string, string?]> = {
  client: ['Client', 'the address of the client.'],
  request: ['Request'],
  status: ['Status sent', 'the status nginx sent to the client.'],
  upstream_status: ['Upstream status', 'what each backend attempt answered ($upstream_status); "-" or 502 means no valid answer.'],
  upstream: ['Upstream address', 'the backend nginx used ($upstream_addr).'],
  pool: ['PHP-FPM pool'],
  max_children: ['pm.max_children', 'how many PHP workers the pool may run at once.'],
  socket: ['Unix socket'],
  errno: ['Error number'],
  timeout: ['Timeout'],
  pid: ['Process id'],
  signal: ['Signal', 'the signal that ended the process.'],
};

/** Where `value` stands in the line as a whole token (not inside a longer word or number), from `from` on. */
function spanOf(line: string, value: string, from = 0): [number, number] | undefined {
  if (!value) return undefined;
  // A number must not continue a longer number or an address ("502" inside "10.0.0.502").
  const joins = /^\d+$/.test(value) ? /[A-Za-z0-9.]/ : /[A-Za-z0-9]/;
  const word = (c: string | undefined) => c !== undefined && joins.test(c);
  for (let i = line.indexOf(value, from); i !== -1; i = line.indexOf(value, i + 1)) {
    const end = i + value.length;
    if ((!word(value[0]) || !word(line[i - 1])) && (!word(value.at(-1)) || !word(line[end]))) return [i, end];
  }
  return undefined;
}

function field(line: string, name: string, label: string, value: string, meaning?: string, from = 0): AnatomyField {
  const f: AnatomyField = { name, label, value };
  if (meaning) f.meaning = meaning;
  const span = spanOf(line, value, from);
  if (span) f.span = span;
  return f;
}

/** scheme://[unix:]host[:port][/path] of an `upstream: "…"` value, split into its parts. */
function upstreamFields(line: string, upstream: string, at: number): AnatomyField[] {
  const out: AnatomyField[] = [];
  const m = /^([a-z0-9]+):\/\/(.*)$/.exec(upstream);
  if (!m) return out;
  const [, scheme, rest] = m as unknown as [string, string, string];
  out.push(field(line, 'upstream.scheme', 'Protocol to the backend', scheme, scheme === 'fastcgi' ? 'FastCGI (fastcgi_pass), e.g. PHP-FPM.' : scheme === 'uwsgi' ? 'uwsgi protocol (uwsgi_pass).' : scheme === 'grpc' || scheme === 'grpcs' ? 'gRPC (grpc_pass).' : `proxy_pass ${scheme}://`, at));
  const unix = /^unix:([^:]*):?(.*)$/.exec(rest);
  if (unix) {
    out.push(field(line, 'upstream.socket', 'Unix socket', unix[1]!, 'a local socket file; the backend must create it and nginx must be allowed to open it.', at));
    if (unix[2]) out.push(field(line, 'upstream.path', 'Path sent upstream', unix[2], undefined, at));
    return out;
  }
  const hp = /^(\[[^\]]*\]|[^:/]*)(?::(\d+))?(\/.*)?$/.exec(rest);
  if (hp) {
    out.push(field(line, 'upstream.host', 'Backend address', hp[1]!, /^(127\.|\[::1\]|localhost)/.test(hp[1]!) ? 'loopback: the backend must run on the same host (or container) as nginx.' : undefined, at));
    if (hp[2]) out.push(field(line, 'upstream.port', 'Backend port', hp[2], undefined, at));
    if (hp[3]) out.push(field(line, 'upstream.path', 'Path sent upstream', hp[3], undefined, at));
  }
  return out;
}

/** The engine's verdict on one line, from a one-line run of the Analyzer. */
function verdict(text: string, catalog: Catalog): LineResult | undefined {
  let result: LineResult | undefined;
  const a = new Analyzer({ catalog, onLine: (r) => (result ??= r) });
  a.push(text.replace(/\r?\n[\s\S]*$/, ''));
  a.end();
  return result;
}

export function explainLine(text: string, catalog: Catalog): LineAnatomy {
  const line = text.replace(/\r?\n[\s\S]*$/, '');
  const r = verdict(line, catalog);
  const kind: LineKind = r?.kind ?? 'unknown';
  const fields: AnatomyField[] = [];
  const out: LineAnatomy = { line, kind, fields };

  const wrap = unwrap(line);
  if (wrap.offset > 0) {
    fields.push({ name: 'wrapper', label: 'Added by', value: `${wrap.wrapper ?? 'a log shipper'}${wrap.tag ? ` (${wrap.tag})` : ''}`, meaning: 'a prefix added by the log shipper, not by the program.', span: [0, wrap.offset] });
  }

  const head = parseNginxErrorHead(line, wrap.offset);
  if (head) {
    if (head.time) fields.push(field(line, 'time', 'Time', line.slice(wrap.offset, wrap.offset + 19), 'as logged, in the server\'s local time zone.', wrap.offset));
    fields.push(field(line, 'level', 'Level', head.level, LEVEL_MEANING[head.level], wrap.offset));
    const ctx = parseNginxContext(line.slice(head.msgStart));
    const at = head.msgStart;
    fields.push(field(line, 'message', 'Message', ctx.message, undefined, at));
    const sys = /\b([A-Za-z_0-9]+\(\))( to [^ ]+)? failed/.exec(ctx.message);
    if (sys) fields.push(field(line, 'syscall', 'System call', sys[1]!, SYSCALLS[sys[1]!] ?? 'the system call that failed.', at));
    const errno = /\((\d+): ([^)]*)\)/.exec(ctx.message);
    if (errno) {
      const known = ERRNO[errno[1]!];
      fields.push(field(line, 'errno', 'Error', `${errno[1]}: ${errno[2]}`, known ? `${known[0]}: ${known[1]}` : 'the operating system\'s error number and text.', at));
    }
    if (ctx.action) {
      const phase = PHASES.find(([re]) => re.test(ctx.action!));
      fields.push(field(line, 'phase', 'While', ctx.action, phase?.[1], at));
    }
    if (ctx.client) fields.push(field(line, 'client', 'Client', ctx.client, 'the address of the client whose request failed.', at));
    if (ctx.server) fields.push(field(line, 'server', 'Server block', ctx.server, 'the server_name of the server {} block that handled it.', at));
    if (ctx.request) fields.push(field(line, 'request', 'Request', ctx.request, undefined, at));
    if (ctx.subrequest) fields.push(field(line, 'subrequest', 'Subrequest', ctx.subrequest, 'an internal request (auth_request, SSI, mirror…) made for the client\'s request.', at));
    if (ctx.upstream) {
      fields.push(field(line, 'upstream', 'Upstream', ctx.upstream, 'the backend nginx was talking to.', at));
      fields.push(...upstreamFields(line, ctx.upstream, at));
    }
    if (ctx.host) fields.push(field(line, 'host', 'Host header', ctx.host, undefined, at));
    if (ctx.referrer) fields.push(field(line, 'referrer', 'Referrer', ctx.referrer, undefined, at));
    if (ctx.resolver) fields.push(field(line, 'resolver', 'Resolver', ctx.resolver, undefined, at));
    if (ctx.conf) fields.push(field(line, 'conf', 'Config file', ctx.conf, 'the configuration file and line nginx complained about.', at));
    if (!r?.cause && !ERROR_LEVELS.has(head.level)) out.harmless = true;
  } else if (r) {
    for (const [k, v] of Object.entries(r.facts)) {
      const [label, meaning] = FACT_LABELS[k] ?? [k.replace(/_/g, ' ')];
      fields.push(field(line, k, label, v, meaning));
    }
  }

  if (r?.status && !fields.some((f) => f.name === 'status')) fields.push({ name: 'status', label: 'Client gets', value: String(r.status), meaning: 'the HTTP status nginx returns for this failure.' });
  if (r?.cause) {
    out.cause = r.cause;
    const title = catalog.causes.find((c) => c.id === r.cause)?.title;
    out.summary = title ? `Evidence of: ${title}.` : undefined;
    if (!out.summary) delete out.summary;
  } else if (out.harmless) {
    out.summary = 'Noise: nginx logs this at a level that fails no request.';
  } else if (kind === 'unknown') {
    out.summary = 'Not recognised: no parser of this engine reads this line.';
  } else {
    out.summary = 'Recognised, but no known cause of a 502 matches it.';
  }
  return out;
}
