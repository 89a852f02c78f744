/**
 * The errno table: one row per symbolic errno, with its number and
 * strerror() text on each platform nginx runs on (glibc, musl, FreeBSD /
 * macOS, Windows). nginx prints `(<number>: <text>)` with the platform's
 * own number and text; the engine keys diagnoses on the symbol.
 * A new platform or wording is a new cell here, not a new pattern.
 * Facts: ../shared/errno-platforms.md, musl src/errno/__strerror.h, glibc
 * errlist, FreeBSD errlst.c, Windows Sockets error codes (winerror.h).
 */

import { own } from '../own.ts';

export type Platform = 'linux' | 'bsd' | 'windows';

export interface ErrnoRow {
  name: string;
  linux?: number;
  bsd?: number;
  windows?: number[];
  glibc?: string;
  musl?: string[];
  bsdText?: string;
  windowsText?: string[];
  /** What it means for a proxied request, in a few words. */
  meaning: string;
}

export const ERRNO: readonly ErrnoRow[] = [
  { name: 'ECONNREFUSED', linux: 111, bsd: 61, windows: [10061], glibc: 'Connection refused', musl: ['Connection refused'], bsdText: 'Connection refused', windowsText: ['No connection could be made because the target machine actively refused it'], meaning: 'nothing was listening on that address or socket' },
  { name: 'ETIMEDOUT', linux: 110, bsd: 60, windows: [10060], glibc: 'Connection timed out', musl: ['Operation timed out'], bsdText: 'Operation timed out', windowsText: ['A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond'], meaning: 'a timer expired (nginx\'s own timeout for "upstream timed out", the kernel\'s otherwise)' },
  { name: 'ECONNRESET', linux: 104, bsd: 54, windows: [10054], glibc: 'Connection reset by peer', musl: ['Connection reset by peer'], bsdText: 'Connection reset by peer', windowsText: ['An existing connection was forcibly closed by the remote host'], meaning: 'the peer reset the connection (it crashed, was killed, or closed it abruptly)' },
  { name: 'EMFILE', linux: 24, bsd: 24, windows: [10024], glibc: 'Too many open files', musl: ['No file descriptors available'], bsdText: 'Too many open files', windowsText: ['Too many open files'], meaning: 'the nginx worker reached its open-file limit' },
  { name: 'ENFILE', linux: 23, bsd: 23, glibc: 'Too many open files in system', musl: ['Too many open files in system'], bsdText: 'Too many open files in system', meaning: 'the whole system reached its open-file limit' },
  { name: 'EACCES', linux: 13, bsd: 13, windows: [10013, 5], glibc: 'Permission denied', musl: ['Permission denied'], bsdText: 'Permission denied', windowsText: ['An attempt was made to access a socket in a way forbidden by its access permissions', 'Access is denied'], meaning: 'permission denied (file mode, socket owner, SELinux or another policy)' },
  { name: 'ENOENT', linux: 2, bsd: 2, windows: [2, 3], glibc: 'No such file or directory', musl: ['No such file or directory'], bsdText: 'No such file or directory', windowsText: ['The system cannot find the file specified', 'The system cannot find the path specified'], meaning: 'the file or unix socket does not exist' },
  { name: 'EADDRNOTAVAIL', linux: 99, bsd: 49, windows: [10049], glibc: 'Cannot assign requested address', musl: ['Address not available'], bsdText: "Can't assign requested address", windowsText: ['The requested address is not valid in its context'], meaning: 'no usable local address or port (ephemeral ports exhausted, or an address not configured here)' },
  { name: 'EADDRINUSE', linux: 98, bsd: 48, windows: [10048], glibc: 'Address already in use', musl: ['Address in use'], bsdText: 'Address already in use', windowsText: ['Only one usage of each socket address (protocol/network address/port) is normally permitted'], meaning: 'the address or port is already in use' },
  { name: 'EHOSTUNREACH', linux: 113, bsd: 65, windows: [10065], glibc: 'No route to host', musl: ['Host is unreachable'], bsdText: 'No route to host', windowsText: ['A socket operation was attempted to an unreachable host'], meaning: 'the host is unreachable (ICMP unreachable, often a firewall REJECT)' },
  { name: 'ENETUNREACH', linux: 101, bsd: 51, windows: [10051], glibc: 'Network is unreachable', musl: ['Network unreachable'], bsdText: 'Network is unreachable', windowsText: ['A socket operation was attempted to an unreachable network'], meaning: 'no route to that network (e.g. IPv6 without a route)' },
  { name: 'EHOSTDOWN', linux: 112, bsd: 64, windows: [10064], glibc: 'Host is down', musl: ['Host is down'], bsdText: 'Host is down', windowsText: ['A socket operation failed because the destination host was down'], meaning: 'the host is down' },
  { name: 'ENETDOWN', linux: 100, bsd: 50, windows: [10050], glibc: 'Network is down', musl: ['Network is down'], bsdText: 'Network is down', windowsText: ['A socket operation encountered a dead network'], meaning: 'the network interface is down' },
  { name: 'EAGAIN', linux: 11, bsd: 35, windows: [10035], glibc: 'Resource temporarily unavailable', musl: ['Resource temporarily unavailable', 'Operation would block'], bsdText: 'Resource temporarily unavailable', windowsText: ['A non-blocking socket operation could not be completed immediately'], meaning: 'try again later (for a unix socket: its listen backlog is full)' },
  { name: 'EPIPE', linux: 32, bsd: 32, windows: [109, 232], glibc: 'Broken pipe', musl: ['Broken pipe'], bsdText: 'Broken pipe', windowsText: ['The pipe has been ended', 'The pipe is being closed'], meaning: 'the peer closed its side while nginx was writing' },
  { name: 'ECONNABORTED', linux: 103, bsd: 53, windows: [10053], glibc: 'Software caused connection abort', musl: ['Connection aborted'], bsdText: 'Software caused connection abort', windowsText: ['An established connection was aborted by the software in your host machine'], meaning: 'the connection was aborted locally' },
  { name: 'ENOTCONN', linux: 107, bsd: 57, windows: [10057], glibc: 'Transport endpoint is not connected', musl: ['Socket not connected'], bsdText: 'Socket is not connected', windowsText: ['A request to send or receive data was disallowed because the socket is not connected and (when sending on a datagram socket using a sendto call) no address was supplied'], meaning: 'the socket is not connected (a race with a close)' },
  { name: 'EINVAL', linux: 22, bsd: 22, windows: [10022], glibc: 'Invalid argument', musl: ['Invalid argument'], bsdText: 'Invalid argument', windowsText: ['An invalid argument was supplied'], meaning: 'an invalid argument' },
  { name: 'ENOBUFS', linux: 105, bsd: 55, windows: [10055], glibc: 'No buffer space available', musl: ['No buffer space available'], bsdText: 'No buffer space available', windowsText: ['An operation on a socket could not be performed because the system lacked sufficient buffer space or because a queue was full'], meaning: 'the kernel ran out of socket buffers' },
  { name: 'ENOSPC', linux: 28, bsd: 28, windows: [112], glibc: 'No space left on device', musl: ['No space left on device'], bsdText: 'No space left on device', windowsText: ['There is not enough space on the disk'], meaning: 'the disk is full' },
  { name: 'ENOMEM', linux: 12, bsd: 12, windows: [8], glibc: 'Cannot allocate memory', musl: ['Out of memory'], bsdText: 'Cannot allocate memory', windowsText: ['Not enough memory resources are available to process this command'], meaning: 'out of memory' },
  { name: 'EPERM', linux: 1, bsd: 1, glibc: 'Operation not permitted', musl: ['Operation not permitted'], bsdText: 'Operation not permitted', meaning: 'operation not permitted (missing privilege or capability)' },
  { name: 'EINTR', linux: 4, bsd: 4, windows: [10004], glibc: 'Interrupted system call', musl: ['Interrupted system call'], bsdText: 'Interrupted system call', windowsText: ['A blocking operation was interrupted by a call to WSACancelBlockingCall'], meaning: 'interrupted by a signal' },
];

export interface ErrnoValue {
  /** Symbolic name, e.g. "ECONNREFUSED" (or "E?<number>" when the table does not know it). */
  name: string;
  number: number;
  /** The text as printed (may be "Unknown error" or cut short). */
  text: string;
  /** The platform the number and text point to, when they tell. */
  platform?: Platform;
  meaning?: string;
}

const norm = (t: string): string => t.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();

const BY_TEXT = new Map<string, ErrnoRow[]>();
const BY_NUMBER: Record<Platform, Map<number, ErrnoRow>> = { linux: new Map(), bsd: new Map(), windows: new Map() };
for (const row of ERRNO) {
  for (const t of [row.glibc, ...(row.musl ?? []), row.bsdText, ...(row.windowsText ?? [])]) {
    if (!t) continue;
    const k = norm(t);
    const list = BY_TEXT.get(k) ?? [];
    if (!list.includes(row)) list.push(row);
    BY_TEXT.set(k, list);
  }
  if (row.linux !== undefined) BY_NUMBER.linux.set(row.linux, row);
  if (row.bsd !== undefined) BY_NUMBER.bsd.set(row.bsd, row);
  for (const w of row.windows ?? []) BY_NUMBER.windows.set(w, row);
}
const TEXTS = [...BY_TEXT.keys()];

export function errnoRow(name: string): ErrnoRow | undefined {
  return ERRNO.find((r) => r.name === name);
}

/** Which platform(s) print `row` as `number`. */
function platformsOf(row: ErrnoRow, number: number): Platform[] {
  const out: Platform[] = [];
  if (row.linux === number) out.push('linux');
  if (row.bsd === number) out.push('bsd');
  if (row.windows?.includes(number)) out.push('windows');
  return out;
}

/** The row a number points to when the text does not tell: Windows codes, then Linux, then BSD numbering. */
function byNumber(number: number): { row: ErrnoRow; platform: Platform } | undefined {
  if (number >= 10000) {
    const w = BY_NUMBER.windows.get(number);
    return w ? { row: w, platform: 'windows' } : undefined;
  }
  const l = BY_NUMBER.linux.get(number);
  if (l) return { row: l, platform: 'linux' };
  const b = BY_NUMBER.bsd.get(number);
  if (b) return { row: b, platform: 'bsd' };
  return undefined;
}

/**
 * `(number: text)` → symbolic errno. The text decides when it is a known
 * wording (numbers differ per platform); "Unknown error" (old nginx on new
 * glibc), a translated or a cut-short text fall back to the number.
 */
const CACHE = new Map<string, ErrnoValue>();
const CACHE_MAX = 512;

export function resolveErrno(number: number, text: string): ErrnoValue {
  const key = `${number}:${text}`;
  const hit = CACHE.get(key);
  if (hit) return hit;
  if (CACHE.size >= CACHE_MAX) return resolveUncached(number, text);
  // Cached values outlive the line: copied out of the input chunk (see own.ts).
  const v = Object.freeze(resolveUncached(number, own(text))) as ErrnoValue;
  CACHE.set(own(key), v);
  return v;
}

function resolveUncached(number: number, text: string): ErrnoValue {
  const k = norm(text);
  let rows = BY_TEXT.get(k);
  if (!rows && k.length >= 6 && !k.startsWith('unknown error')) {
    // Cut short by a copy-paste ("Connection ref…"): a unique known text that starts with it.
    const hits = TEXTS.filter((t) => t.startsWith(k));
    const found = [...new Set(hits.flatMap((h) => BY_TEXT.get(h)!))];
    if (found.length === 1) rows = found;
  }
  if (rows) {
    const exact = rows.find((r) => platformsOf(r, number).length > 0) ?? (rows.length === 1 ? rows[0] : undefined);
    if (exact) {
      const p = platformsOf(exact, number);
      const v: ErrnoValue = { name: exact.name, number, text, meaning: exact.meaning };
      if (p.length === 1) v.platform = p[0]!;
      else if (p.length > 1) v.platform = exact.musl?.some((m) => norm(m) === k) && exact.glibc && norm(exact.glibc) !== k ? 'linux' : p[0]!;
      return v;
    }
  }
  const n = byNumber(number);
  if (n) return { name: n.row.name, number, text, platform: n.platform, meaning: n.row.meaning };
  return { name: `E?${number}`, number, text };
}

/** Every way nginx may print `name` on some platform: [number, text] pairs (for variant tests and RE2 exports). */
export function errnoSpellings(name: string): { platform: string; number: number; text: string }[] {
  const row = errnoRow(name);
  if (!row) return [];
  const out: { platform: string; number: number; text: string }[] = [];
  if (row.linux !== undefined) {
    if (row.glibc) out.push({ platform: 'glibc', number: row.linux, text: row.glibc });
    for (const m of row.musl ?? []) out.push({ platform: 'musl', number: row.linux, text: m });
    out.push({ platform: 'unknown-error', number: row.linux, text: 'Unknown error' });
  }
  if (row.bsd !== undefined && row.bsdText) out.push({ platform: 'bsd', number: row.bsd, text: row.bsdText });
  (row.windows ?? []).forEach((w, i) => {
    const t = row.windowsText?.[i];
    if (t) out.push({ platform: 'windows', number: w, text: t });
  });
  return out;
}
