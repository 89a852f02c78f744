/**
 * A tiny UDP DNS responder on 127.0.0.1 (node:dgram): drops every query, or
 * answers each with an empty response carrying a chosen RCODE.
 */
import { createSocket } from 'node:dgram';
import type { Upstream } from './types.ts';

export type DnsMode = 'drop' | 'nxdomain' | 'servfail';

const RCODE: Record<Exclude<DnsMode, 'drop'>, number> = { nxdomain: 3, servfail: 2 };

/** Header + the question section echoed back, no answers. */
export function dnsReply(query: Buffer, rcode: number): Buffer | null {
  if (query.length < 12) return null;
  let i = 12;
  while (i < query.length && query[i] !== 0) i += query[i]! + 1;
  const qEnd = i + 5; // zero label + QTYPE + QCLASS
  if (qEnd > query.length) return null;
  const out = Buffer.alloc(qEnd);
  query.copy(out, 0, 0, qEnd);
  const rd = query[2]! & 0x01;
  out[2] = 0x80 | (query[2]! & 0x78) | rd; // QR=1, opcode and RD copied
  out[3] = 0x80 | (rcode & 0x0f); // RA=1, RCODE
  out.writeUInt16BE(1, 4); // QDCOUNT
  out.writeUInt16BE(0, 6); // ANCOUNT
  out.writeUInt16BE(0, 8); // NSCOUNT
  out.writeUInt16BE(0, 10); // ARCOUNT
  return out;
}

export function dns(mode: DnsMode): Upstream {
  return {
    listen: 'udp4',
    async start(at) {
      let queries = 0;
      const sock = createSocket('udp4');
      sock.on('message', (msg, rinfo) => {
        queries++;
        if (mode === 'drop') return;
        const reply = dnsReply(msg, RCODE[mode]);
        if (reply && rinfo.address === '127.0.0.1') sock.send(reply, rinfo.port, rinfo.address);
      });
      await new Promise<void>((resolve, reject) => {
        sock.once('error', reject);
        sock.bind({ address: '127.0.0.1', port: at.port! }, () => resolve());
      });
      sock.on('error', () => undefined);
      return {
        close: () => new Promise<void>((r) => sock.close(() => r())),
        note: () => `DNS responder (${mode}) received ${queries} quer${queries === 1 ? 'y' : 'ies'}`,
      };
    },
  };
}
