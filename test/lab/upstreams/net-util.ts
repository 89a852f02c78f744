/** Small helpers shared by the TCP-based mock upstreams. */
import type { Server, Socket } from 'node:net';
import type { Address } from './types.ts';

export function listenOn(server: Server, at: Address): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const opts = at.path !== undefined ? { path: at.path } : { host: at.host!, port: at.port!, ipv6Only: at.host === '::1' };
    server.listen(opts, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Tracks sockets so close() never waits for a hanging connection. */
export function closer(server: Server): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
      setTimeout(resolve, 1000).unref();
    });
}

/** Calls `onRequest` each time a full request head (up to CRLFCRLF) has arrived. */
export function onHeads(socket: Socket, onRequest: (count: number) => void): void {
  let buf = '';
  let count = 0;
  socket.on('data', (b: Buffer) => {
    buf += b.toString('latin1');
    let i: number;
    while ((i = buf.indexOf('\r\n\r\n')) !== -1) {
      buf = buf.slice(i + 4);
      onRequest(++count);
    }
  });
}
