/**
 * The `upstream: "…"` field split into its parts: scheme, transport (tcp or
 * unix socket), host, port, socket path and URI. Forms (nginx-upstream-errors.md §1):
 * `http://10.0.0.1:8080/path`, `http://[::1]:3000/x`, `fastcgi://unix:/run/php.sock:`,
 * `http://unix:/tmp/x.sock:/path`, `http://unix:/tmp/x.sock/path` (timeouts),
 * `http://backend/path` (a group name: no live upstreams), `grpc://…`.
 */
export interface Upstream {
  raw: string;
  /** The peer as $upstream_addr writes it ("127.0.0.1:9000", "unix:/run/php/php8.2-fpm.sock", a group name). */
  peer: string;
  scheme?: string;
  transport: 'tcp' | 'unix';
  host?: string;
  port?: number;
  /** Unix socket path. */
  path?: string;
  uri?: string;
}

export function parseUpstream(raw: string): Upstream {
  const m = /^([a-z][a-z0-9+]{0,15}):\/\/(.*)$/.exec(raw);
  const rest = m ? m[2]! : raw;
  const out: Upstream = { raw, peer: upstreamPeer(raw), transport: 'tcp' };
  if (m) out.scheme = m[1]!;
  return Object.assign(out, parsePeer(rest));
}

/**
 * The peer of an error line's upstream URL, written as $upstream_addr writes it:
 * "http://127.0.0.1:9000/x" → "127.0.0.1:9000", "fastcgi://unix:/run/php/php8.2-fpm.sock:"
 * → "unix:/run/php/php8.2-fpm.sock", "http://[::1]:8080/" → "[::1]:8080",
 * "http://backend/x" (a group, e.g. "no live upstreams") → "backend".
 */
export function upstreamPeer(upstream: string): string {
  const scheme = upstream.indexOf('://');
  const from = scheme === -1 ? 0 : scheme + 3;
  if (upstream.startsWith('unix:', from)) {
    const end = upstream.indexOf(':', from + 5);
    return upstream.slice(from, end === -1 ? upstream.length : end);
  }
  let end = upstream.indexOf('/', from);
  if (end === -1) end = upstream.length;
  return upstream.slice(from, end);
}

/** `unix:/path[:uri]`, `[v6]:port/uri`, `host:port/uri`, `host/uri`. */
export function parsePeer(rest: string): Omit<Upstream, 'raw' | 'scheme' | 'peer'> {
  if (rest.startsWith('unix:')) {
    const body = rest.slice(5);
    const colon = body.indexOf(':');
    let path: string;
    let uri: string | undefined;
    if (colon !== -1) {
      path = body.slice(0, colon);
      uri = body.slice(colon + 1) || undefined;
    } else {
      // Without the separator (timeout lines), the socket ends at ".sock" when it says so.
      const sock = body.indexOf('.sock');
      path = sock !== -1 ? body.slice(0, sock + 5) : body;
      uri = body.slice(path.length) || undefined;
    }
    const out: Omit<Upstream, 'raw' | 'scheme' | 'peer'> = { transport: 'unix', path };
    if (uri) out.uri = uri;
    return out;
  }
  const out: Omit<Upstream, 'raw' | 'scheme' | 'peer'> = { transport: 'tcp' };
  let i: number;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close === -1) return { transport: 'tcp', host: rest };
    out.host = rest.slice(1, close);
    i = close + 1;
  } else {
    let j = 0;
    while (j < rest.length && rest[j] !== ':' && rest[j] !== '/') j++;
    if (j > 0) out.host = rest.slice(0, j);
    i = j;
  }
  if (rest[i] === ':') {
    let k = i + 1;
    while (k < rest.length && rest.charCodeAt(k) >= 48 && rest.charCodeAt(k) <= 57) k++;
    if (k > i + 1) out.port = Number(rest.slice(i + 1, k));
    i = k;
  }
  if (i < rest.length) out.uri = rest.slice(i);
  return out;
}
