/**
 * nginx's "connect() … failed (N: …)" lines, reduced to what the config
 * rules cross-check: the errno, where nginx tried to connect and which client
 * asked. Read from any pasted form (with or without the timestamp, cut before
 * the context), because users paste the error line next to the config.
 */

export interface ConnectFailure {
  /** Input line. */
  line: number;
  /** errno as logged: 111 refused, 2 no such file, 13 permission denied… */
  errno: number;
  /** unix socket path when nginx connected to one ("connect() to unix:/run/php.sock failed"). */
  socket?: string;
  /** Host of the upstream address ("127.0.0.1", "[::1]", "172.19.0.3"). */
  host?: string;
  port?: string;
  /** The `client:` of the request (whose address tells where nginx runs). */
  client?: string;
}

const CONNECT = /connect\(\) (?:to (\S+) )?failed \((\d+): /i;
const UPSTREAM = /upstream: "?\[?(?:\*\*)?[a-z]+(?:\*\*)?:\/\/(unix:[^"\s]*|\[[0-9a-fA-F:.]+\]|[^:/"\s]+)(?::(\d+))?/;
const CLIENT = /\bclient: ([0-9a-fA-F:.]+)/;

/** The connect failure on this line, or null. */
export function parseConnectFailure(text: string, line: number): ConnectFailure | null {
  const m = CONNECT.exec(text);
  if (!m) return null;
  const out: ConnectFailure = { line, errno: Number(m[2]) };
  const to = m[1];
  if (to?.startsWith('unix:')) out.socket = to.slice(5).replace(/^\/\/(?=\/)/, '');
  else if (to) {
    const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(to);
    if (hp) {
      out.host = hp[1]!;
      if (hp[2]) out.port = hp[2];
    }
  }
  const u = UPSTREAM.exec(text);
  if (u && !out.socket && !out.host) {
    if (u[1]!.startsWith('unix:')) out.socket = u[1]!.slice(5).replace(/:$/, '');
    else {
      out.host = u[1]!;
      if (u[2]) out.port = u[2];
    }
  }
  const c = CLIENT.exec(text);
  if (c) out.client = c[1]!.replace(/,$/, '');
  return out;
}

/** The upstream a logged nginx line names, with the protocol nginx spoke to it ("uwsgi://10.0.0.5:9090" → uwsgi, port 9090). */
export interface LoggedUpstream {
  line: number;
  scheme: string;
  port?: string;
  socket?: string;
}

const UPSTREAM_SCHEME = /upstream: "?\[?(?:\*\*)?([a-z]+)(?:\*\*)?:\/\/(unix:[^"\s]*|\[[0-9a-fA-F:.]+\]|[^:/"\s]+)(?::(\d+))?/;

export function parseLoggedUpstream(text: string, line: number): LoggedUpstream | null {
  const u = UPSTREAM_SCHEME.exec(text);
  if (!u) return null;
  const out: LoggedUpstream = { line, scheme: u[1]! };
  if (u[2]!.startsWith('unix:')) out.socket = u[2]!.slice(5).replace(/:$/, '');
  else if (u[3]) out.port = u[3];
  return out;
}

/** Docker's bridge gateways (172.17.0.1 for the default bridge, 172.18–31.0.1 for compose networks): a published port's connections arrive from there. */
export function isDockerGateway(addr: string | undefined): boolean {
  return addr !== undefined && /^172\.(?:1[6-9]|2\d|3[01])\.0\.1$/.test(addr);
}
