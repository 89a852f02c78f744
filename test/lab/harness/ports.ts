/**
 * Free loopback ports from a private high range outside the kernel's
 * ephemeral range, checked by binding them on 127.0.0.1 and ::1 (TCP and UDP).
 */
import { createServer } from 'node:net';
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';

const taken = new Set<number>();

function range(): [number, number] {
  let lo = 32768;
  let hi = 60999;
  try {
    const [a, b] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (a && b) [lo, hi] = [a, b];
  } catch {
    /* keep Linux defaults */
  }
  if (hi < 61000) return [61000, 65000];
  if (lo > 21000) return [20000, Math.min(lo - 1, 30000)];
  return [61000, 65000];
}

function tcpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'EADDRNOTAVAIL' && host === '::1'));
    s.listen({ host, port, exclusive: true, ipv6Only: host === '::1' }, () => s.close(() => resolve(true)));
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    s.once('error', () => resolve(false));
    s.bind({ address: '127.0.0.1', port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

const [LO, HI] = range();
let cursor = LO + Math.floor(Math.random() * (HI - LO));

/** A port nothing listens on, reserved for this run. */
export async function freePort(): Promise<number> {
  for (let i = 0; i < HI - LO; i++) {
    cursor = cursor >= HI ? LO : cursor + 1;
    const p = cursor;
    if (taken.has(p)) continue;
    taken.add(p);
    if ((await tcpFree('127.0.0.1', p)) && (await tcpFree('::1', p)) && (await udpFree(p))) return p;
  }
  throw new Error(`no free port in ${LO}-${HI}`);
}
