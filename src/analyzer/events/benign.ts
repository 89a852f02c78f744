/**
 * Known-harmless nginx events the engine knows by itself (articles declare
 * more with `harmless:` conditions): what they are and why they fail no
 * request, or fail one the way it should (a missing static file is a 404,
 * not a gateway error). Anything at notice/info/debug that no condition
 * claims is informational; a warning no condition claims failed no request.
 */
import type { NginxEvent } from './parse.ts';
import { actionInfo } from './grammar.ts';

interface BenignRule {
  template: string[];
  /** When present, the event's action must be one of these (undefined action matches "none"). */
  action?: (string | undefined)[];
  errno?: string[];
  /** The line must carry no upstream field. */
  noUpstream?: boolean;
  /** The message must not match this (what would make it a failure). */
  unless?: RegExp;
  why: string;
}

const BENIGN: readonly BenignRule[] = [
  { template: ['FastCGI sent in stderr: "%S"'], unless: /Fatal error|Parse error|Uncaught|Out of memory|SQLSTATE|Exception/i, why: 'The application wrote to stderr (a PHP warning, notice or deprecation that nginx relays): by itself it changes no status. Worth fixing in the application, not a gateway failure.' },
  { template: ['client %T closed keepalive connection'], why: 'A client closed an idle keep-alive connection: normal traffic.' },
  { template: ['client timed out'], action: ['waiting for request', 'keepalive', 'reading client request line', 'reading client request headers', 'reading PROXY protocol', 'SSL handshaking'], why: 'A client opened a connection and did not send a request in time (nginx closes it, 408 at most): normal on public servers.' },
  { template: ['client closed connection'], why: 'A client closed its connection: normal traffic.' },
  { template: ['client prematurely closed connection', 'client closed prematurely connection'], noUpstream: true, why: 'A client went away (an upload or a response it stopped waiting for): normal traffic, not a gateway failure.' },
  { template: ['SSL_do_handshake() failed', 'peer closed connection in SSL handshake', 'SSL_read() failed', 'SSL_shutdown() failed'], action: ['SSL handshaking', 'waiting for request', 'keepalive', 'reading client request line', 'reading client request headers', 'closing request', undefined], why: 'A client failed the TLS handshake with nginx (old client, scanner, wrong protocol): it concerns that client only, not the upstream.' },
  { template: ['open() "%T" failed', 'stat() "%T" failed', '"%T" is not found'], errno: ['ENOENT', 'ENOTDIR'], noUpstream: true, why: 'A static file that does not exist was requested: the client got 404, which is not a gateway error (favicon.ico and robots.txt are the usual ones).' },
  { template: ['directory index of "%T" is forbidden', 'access forbidden by rule'], noUpstream: true, why: 'Access was refused by configuration: the client got 403, as configured.' },
  { template: ['accept() failed'], errno: ['ECONNABORTED'], why: 'A client aborted before nginx accepted its connection: harmless.' },
  { template: ['writev() failed', 'send() failed', 'sendfile() failed', 'recv() failed', 'readv() failed', 'SSL_write() failed'], action: ['sending to client', 'sending response to client', 'reading client request line', 'reading client request headers', 'waiting for request', 'keepalive', 'closing request', 'reading client request'], why: 'The client went away while nginx talked to it: harmless for the upstream (the status already sent stays in the access log).' },
  { template: ['recv() failed', 'readv() failed', 'send() failed', 'writev() failed', 'SSL_read() failed', 'SSL_write() failed'], action: ['proxying upgraded connection'], errno: ['ECONNRESET', 'EPIPE', 'ENOTCONN'], why: 'One side of an upgraded (WebSocket) connection went away: the tunnel is closed and the 101 response already stands; normal when clients leave or backends restart.' },
  { template: ['ngx_waf: %V'], why: 'The ngx_waf module refused a request by one of its rules (it logs at alert by design): the client got the 403/444 the rule sets, as configured; no upstream failed.' },
  { template: ['proxy_connect: %V read timed out (peer:%T)'], why: 'A CONNECT tunnel (ngx_http_proxy_connect_module) sat idle past proxy_connect_read_timeout and was closed; the module keeps the "connecting to upstream" action for the tunnel\'s whole life, so this is an idle tunnel ending, not a failed connect.' },
  { template: ['client sent invalid request', 'client sent invalid method', 'client sent too long URI', 'client sent invalid header line: "%S"', 'client sent too large request', 'client sent invalid host header', 'client sent HTTP/1.1 request without "Host" header', 'client sent too long header line: "%S"'], why: 'A client sent a malformed request and got a 4xx: it concerns that client (often a scanner), not the upstream.' },
];

export interface BenignVerdict {
  why: string;
}

const BY_TEMPLATE = new Map<string, BenignRule[]>();
for (const r of BENIGN) for (const t of r.template) BY_TEMPLATE.set(t, [...(BY_TEMPLATE.get(t) ?? []), r]);

export function benignVerdict(ev: NginxEvent): BenignVerdict | null {
  for (const r of BY_TEMPLATE.get(ev.template) ?? []) {
    if (r.action && !r.action.includes(ev.action)) continue;
    if (r.errno && !(ev.errno && r.errno.includes(ev.errno.name))) continue;
    if (r.noUpstream && ev.context.upstream !== undefined) continue;
    if (r.unless && r.unless.test(ev.message)) continue;
    return { why: r.why };
  }
  // A system call failing on a client's connection concerns that client only.
  if (ev.syscall !== undefined && actionInfo(ev.action)?.side === 'client') return { why: `The ${ev.syscall}() failure happened on a client's connection (${ev.action}): it concerns that client only, not the upstream.` };
  const level = ev.level;
  if (level === 'notice' || level === 'info' || level === 'debug') return { why: `Logged at ${level}: one of nginx's informational messages; no request failed because of it.` };
  if (level === 'warn') return { why: 'Logged at warn: nginx carried on, and this line alone failed no request.' };
  return null;
}

