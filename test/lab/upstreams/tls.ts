/** A TLS upstream (node:tls) answering HTTP/1.1, with a chosen certificate and protocol range. */
import { createServer, type SecureVersion, type TLSSocket } from 'node:tls';
import { readFileSync } from 'node:fs';
import { closer, listenOn, onHeads } from './net-util.ts';
import type { Upstream } from './types.ts';

export interface TlsOptions {
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
}

export function tls(o: TlsOptions = {}): Upstream {
  return {
    listen: 'tcp4',
    async start(at, env) {
      let handshakes = 0;
      let failures = 0;
      const server = createServer(
        {
          cert: readFileSync(env.certs.cert),
          key: readFileSync(env.certs.key),
          minVersion: o.minVersion ?? 'TLSv1.2',
          maxVersion: o.maxVersion ?? 'TLSv1.3',
        },
        (s: TLSSocket) => {
          handshakes++;
          s.on('error', () => undefined);
          onHeads(s, () => s.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n'));
        },
      );
      server.on('tlsClientError', () => failures++);
      const close = closer(server);
      await listenOn(server, at);
      return { close, note: () => `upstream completed ${handshakes} TLS handshake(s), ${failures} failed` };
    },
  };
}
