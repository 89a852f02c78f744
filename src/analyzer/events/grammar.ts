/**
 * Fixed vocabulary of nginx's error log, as data: the `while …` actions
 * (every `log->action` string in nginx's HTTP, event and core code), the
 * platform aliases of system calls, and the status nginx returns for a
 * failure in each upstream phase. Source: ngx_http_upstream.c,
 * ngx_http_request.c, ngx_event_*.c, os/win32; ../shared/nginx-upstream-errors.md §2, §8.
 */

export interface ActionInfo {
  action: string;
  /** Upstream phase or client side. */
  side: 'upstream' | 'client' | 'other';
  /** What nginx was doing, in plain words. */
  phase: string;
  /** Status the client gets when an upstream failure (error class) happens in this phase, and when it is a timeout. */
  errorStatus?: number;
  timeoutStatus?: number;
  /** The response header was already sent: the body is cut short, the status stays. */
  truncates?: boolean;
}

export const ACTIONS: readonly ActionInfo[] = [
  { action: 'connecting to upstream', side: 'upstream', phase: 'opening the connection to the backend', errorStatus: 502, timeoutStatus: 504 },
  { action: 'SSL handshaking to upstream', side: 'upstream', phase: 'the TLS handshake with the backend', errorStatus: 502, timeoutStatus: 504 },
  { action: 'sending request to upstream', side: 'upstream', phase: 'sending the request to the backend', errorStatus: 502, timeoutStatus: 504 },
  { action: 'reading response header from upstream', side: 'upstream', phase: 'waiting for the backend\'s response header', errorStatus: 502, timeoutStatus: 504 },
  { action: 'reading upstream', side: 'upstream', phase: 'reading the response body from the backend (header already sent)', truncates: true },
  { action: 'proxying upgraded connection', side: 'upstream', phase: 'relaying an upgraded (WebSocket) connection', truncates: true },
  { action: 'sending early hints to client', side: 'client', phase: 'sending 103 early hints to the client' },
  { action: 'waiting for request', side: 'client', phase: 'waiting for the client to send a request' },
  { action: 'reading PROXY protocol', side: 'client', phase: 'reading the PROXY protocol header' },
  { action: 'SSL handshaking', side: 'client', phase: 'the TLS handshake with the client' },
  { action: 'reading client request line', side: 'client', phase: 'reading the client\'s request line' },
  { action: 'reading client request headers', side: 'client', phase: 'reading the client\'s request headers' },
  { action: 'reading client pipelined request line', side: 'client', phase: 'reading a pipelined request line' },
  { action: 'reading client request', side: 'client', phase: 'reading the client\'s request' },
  { action: 'processing HTTP/2 connection', side: 'client', phase: 'processing an HTTP/2 connection' },
  { action: 'sending to client', side: 'client', phase: 'sending the response to the client' },
  { action: 'sending response to client', side: 'client', phase: 'sending the response to the client' },
  { action: 'keepalive', side: 'client', phase: 'an idle keep-alive connection' },
  { action: 'closing request', side: 'client', phase: 'closing the request' },
  { action: 'logging request', side: 'client', phase: 'writing the access log' },
  { action: 'resolving', side: 'other', phase: 'resolving a name with nginx\'s resolver' },
  { action: 'requesting certificate status', side: 'other', phase: 'fetching an OCSP response' },
];

const BY_ACTION = new Map(ACTIONS.map((a) => [a.action, a]));

export function actionInfo(action: string | undefined): ActionInfo | undefined {
  return action === undefined ? undefined : BY_ACTION.get(action);
}

/**
 * The action a (possibly cut-short) `while …` text names: exact, or the one
 * known action it is a prefix of ("reading response he" → "reading response
 * header from upstream"). Undefined when the text names no known action.
 */
export function resolveAction(text: string): string | undefined {
  let t = text.trim();
  if (BY_ACTION.has(t)) return t;
  // A module's tag after the action: "connecting to upstream(proxy_connect)".
  const paren = t.indexOf('(');
  if (paren > 3 && BY_ACTION.has(t.slice(0, paren))) return t.slice(0, paren);
  if (t.endsWith('...') || t.endsWith('$')) t = t.replace(/(?:\.\.\.|\$)$/, '');
  // The context cut after its first comma (", client:" with nothing after it).
  const comma = t.indexOf(',');
  if (comma > 3 && BY_ACTION.has(t.slice(0, comma))) return t.slice(0, comma);
  if (t.length < 4) return undefined;
  const hits = ACTIONS.filter((a) => a.action.startsWith(t));
  if (hits.length === 1) return hits[0]!.action;
  // "reading client request" is both an action and a prefix of two others: exact wins above.
  return undefined;
}

/** Platform names of a system call → the call conditions name. */
export const SYSCALL_ALIASES: Record<string, string> = {
  WSARecv: 'recv',
  WSARecvFrom: 'recv',
  WSASend: 'send',
  WSASendTo: 'send',
  WSASocketW: 'socket',
  WSASocket: 'socket',
  accept4: 'accept',
  AcceptEx: 'accept',
  ConnectEx: 'connect',
  TransmitFile: 'sendfile',
  CreateFile: 'open',
  TransmitPackets: 'sendfile',
  pwritev: 'pwrite',
};

/** Event notifiers that report another call's failure: "kevent() reported that connect() failed". */
export const REPORTERS = ['kevent', 'epoll_wait', 'eventport', 'WSAPoll'] as const;

export function canonicalSyscall(name: string): string {
  return SYSCALL_ALIASES[name] ?? name;
}

/** Every name nginx may print for the canonical call (for variant tests and exports). */
export function syscallSpellings(name: string): string[] {
  return [name, ...Object.entries(SYSCALL_ALIASES).filter(([, c]) => c === name).map(([a]) => a)];
}

export const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'] as const;
/** Levels at which something failed. */
export const FAILURE_LEVELS: ReadonlySet<string> = new Set(['emerg', 'alert', 'crit', 'error']);
