/**
 * Never silent: an nginx event at error or worse that no cause claims is
 * still explained from what the grammar says — what failed (the call or
 * message, the errno's meaning, the SSL reason), in which phase (the
 * action), and the status nginx returns for that (nginx-upstream-errors.md
 * §2) — and linked to the closest article.
 */
import type { NginxEvent } from '../events/parse.ts';
import { eventTransport } from '../events/parse.ts';
import { actionInfo } from '../events/grammar.ts';
import { CAUSES } from '../cause-ids.ts';

export interface StatusVerdict {
  /** The status the client gets, when the line decides it. */
  status?: number;
  /** In words. */
  text: string;
}

/** The status nginx returns for this event when nothing retries it. */
export function statusOf(ev: NginxEvent): StatusVerdict {
  const t = ev.template;
  const info = actionInfo(ev.action);
  if (t === 'upstream timed out') {
    if (info?.timeoutStatus) return { status: info.timeoutStatus, text: `${info.timeoutStatus}: a timeout before the response header (nginx's own timer)` };
    if (info?.truncates) return { text: 'none new: the response had started, so the client got it cut short with the status already sent' };
  }
  if (ev.syscall === 'socket' || t.includes('worker_connections are not enough') || ev.syscall === 'bind' && info?.side === 'upstream') return { status: 500, text: '500: nginx could not even open the upstream connection' };
  if (t.includes('could not be resolved') || t.startsWith('no resolver defined') || t === 'no live upstreams') return { status: 502, text: '502: nginx had no backend address to use' };
  if (info?.errorStatus) return { status: info.errorStatus, text: `${info.errorStatus}: a failure before the response header (error class; retried on the next server if there is one)` };
  if (info?.truncates) return { text: 'none new: the response had started, so the client got it cut short with the status already sent' };
  if (ev.level === 'emerg') return { text: 'nginx did not start or reload with this configuration: every request keeps the old configuration or gets no answer at all' };
  return { text: 'this line alone does not decide a status' };
}

/** The article closest to an unclaimed event: by errno first, then SSL, then phase. */
export function closestCause(ev: NginxEvent): string {
  // emerg: nginx itself could not start or reload.
  if (ev.level === 'emerg') return CAUSES.nginxNotRunning;
  const e = ev.errno?.name;
  const unix = eventTransport(ev) === 'unix';
  const a = ev.action;
  switch (e) {
    case 'ECONNREFUSED':
      return unix ? CAUSES.unixSocketRefused : CAUSES.connectionRefused;
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ENOTCONN':
      return a === 'reading upstream' ? CAUSES.responseTruncated : CAUSES.connectionReset;
    case 'ETIMEDOUT':
      if (a === 'connecting to upstream' || a === 'SSL handshaking to upstream') return CAUSES.upstreamConnectTimeout;
      if (a === 'sending request to upstream') return CAUSES.upstreamSendTimeout;
      if (a === 'reading upstream') return CAUSES.responseTruncated;
      return CAUSES.upstreamTimedOut;
    case 'ENOENT':
      return unix ? CAUSES.socketMissing : CAUSES.nginxHostResources;
    case 'EACCES':
    case 'EPERM':
      return unix ? CAUSES.socketPermission : CAUSES.selinuxConnect;
    case 'EMFILE':
    case 'ENFILE':
      return CAUSES.tooManyOpenFiles;
    case 'EADDRNOTAVAIL':
      return ev.context.upstream?.host === '::1' ? CAUSES.localhostIpv6 : CAUSES.ephemeralPorts;
    case 'EHOSTUNREACH':
      return CAUSES.firewallBlocksPort;
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return CAUSES.upstreamHostUnreachable;
    case 'EAGAIN':
      return unix ? CAUSES.listenBacklog : CAUSES.backendOverloaded;
    case 'ENOSPC':
    case 'ENOMEM':
    case 'ENOBUFS':
      return CAUSES.nginxHostResources;
  }
  // "wrong version number" is a plain-HTTP answer to a TLS hello: its own article.
  if (ev.ssl?.reasons.includes('wrong version number')) return CAUSES.sslWrongVersion;
  if (ev.ssl || a === 'SSL handshaking to upstream') return CAUSES.sslProtocolMismatch;
  if (ev.template.includes('could not be resolved') || a === 'resolving' || /\bresolver? failed\b/.test(ev.message)) return CAUSES.resolverCouldNotResolve;
  // ngx_spawn_process(): a worker that cannot be spawned leaves no process to serve requests.
  if (ev.message.includes(' failed while spawning ') || a?.startsWith('spawning ')) return CAUSES.nginxNotRunning;
  if (ev.template.includes('worker_connections')) return CAUSES.workerConnections;
  if (a === 'reading upstream') return CAUSES.responseTruncated;
  if (a === 'connecting to upstream') return CAUSES.connectionRefused;
  if (a === 'sending request to upstream') return CAUSES.connectionReset;
  if (ev.template.startsWith('upstream sent')) return CAUSES.invalidHeader;
  if (a === 'reading response header from upstream') return CAUSES.prematurelyClosed;
  return CAUSES.backendOverloaded;
}

/** What failed, in words: "connect() failed: ECONNREFUSED (nothing was listening…)". */
export function whatFailed(ev: NginxEvent): string {
  const parts: string[] = [ev.message || ev.template];
  if (ev.errno) parts.push(`${ev.errno.name} (errno ${ev.errno.number}${ev.errno.platform ? ` on ${ev.errno.platform === 'bsd' ? 'FreeBSD/macOS' : ev.errno.platform === 'windows' ? 'Windows' : 'Linux'}` : ''}: ${ev.errno.meaning ?? ev.errno.text})`);
  if (ev.ssl) parts.push(`TLS: ${ev.ssl.reason}${ev.ssl.alert !== undefined ? ` (alert ${ev.ssl.alert})` : ''}`);
  return parts.join(' — ');
}

export interface Explanation {
  title: string;
  note: string;
  closest: string;
  status: StatusVerdict;
  /** Groups unclaimed events into one finding each: same template, errno and action. */
  key: string;
}

export function explainUnclaimed(ev: NginxEvent): Explanation {
  const info = actionInfo(ev.action);
  const status = statusOf(ev);
  const closest = closestCause(ev);
  const what = whatFailed(ev);
  const phase = info ? `while ${info.phase} (“${ev.action}”)` : ev.action ? `while ${ev.action}` : 'outside any request phase';
  const title = `Unclassified nginx ${ev.level ?? 'error'}: ${ev.template}${ev.errno ? ` (${ev.errno.name})` : ''}${ev.action ? ` while ${ev.action}` : ''}`;
  const note = `No article describes this exact line yet, so here is what nginx's message says: ${what}, ${phase}. Status: ${status.text}. The closest article is linked.`;
  return { title, note, closest, status, key: `${ev.template}|${ev.errno?.name ?? ''}|${ev.ssl?.reason ?? ''}|${ev.action ?? ''}` };
}
