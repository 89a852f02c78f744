/**
 * Raw TCP upstreams that misbehave on purpose. Sockets start paused, so
 * "never read" really leaves the request in the kernel's receive buffer.
 */
import { createServer, type Socket } from 'node:net';
import { closer, listenOn, onHeads } from './net-util.ts';
import type { Listen, Upstream } from './types.ts';

export type TcpMode =
  /** accept(), wait, close() without reading: the unread request turns the close into a reset. */
  | 'close-unread'
  /** read the request, then a clean FIN with nothing sent. */
  | 'close-after-read'
  /** accept(), then an immediate RST (SO_LINGER {1,0}). */
  | 'reset-on-accept'
  /** read the request, send half a status/header line, then RST. */
  | 'reset-mid-headers'
  /** an SSH-like server: reads the request, answers with an SSH banner instead of HTTP, closes. (A real SSH server speaks first; nginx may then read the banner before it has sent the request and wait for the close forever: flaky, 499.) */
  | 'ssh-banner'
  /** accept() and never read or answer (the request stays in the socket buffers). */
  | 'never-read'
  /** chunked response whose first chunk size is not hex. */
  | 'invalid-chunked'
  /** a header value with a bare CR in it. */
  | 'invalid-header'
  /** Content-Length: 10000, 100 bytes, FIN. */
  | 'truncated-body'
  /** Content-Length: 10000, 100 bytes, then silence (connection kept open). */
  | 'stall-mid-body'
  /** says keep-alive but answers only the first request on a connection and closes on the second. */
  | 'stale-keepalive'
  /** answers any bytes with a bare HTML error page and no status line, as Python's http.server does for a request line it cannot parse. */
  | 'http09-error';

const STATUS = 'HTTP/1.1 200 OK\r\nServer: lab-mock\r\nContent-Type: text/plain\r\n';

export function tcp(mode: TcpMode, listen: Listen = 'tcp4'): Upstream {
  return {
    listen,
    async start(at) {
      let connections = 0;
      let requests = 0;
      const server = createServer({ pauseOnConnect: true }, (s: Socket) => {
        connections++;
        const heads = (fn: (n: number) => void): void => {
          onHeads(s, (n) => {
            requests++;
            fn(n);
          });
          s.resume();
        };
        switch (mode) {
          case 'close-unread':
            setTimeout(() => s.destroy(), 150);
            break;
          case 'close-after-read':
            heads(() => s.end());
            break;
          case 'reset-on-accept':
            s.resetAndDestroy();
            break;
          case 'reset-mid-headers':
            heads(() => {
              s.write('HTTP/1.1 200 OK\r\nContent-Type: text/pl');
              setTimeout(() => s.resetAndDestroy(), 50);
            });
            break;
          case 'ssh-banner':
            heads(() => s.end('SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n'));
            break;
          case 'never-read':
            break;
          case 'invalid-chunked':
            heads(() => s.end(`${STATUS}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\nZZ-not-hex\r\nworld\r\n0\r\n\r\n`));
            break;
          case 'invalid-header':
            heads(() => s.end(`${STATUS}X-Broken: a\rb\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n`));
            break;
          case 'truncated-body':
            heads(() => s.end(`${STATUS}Content-Length: 10000\r\nConnection: close\r\n\r\n${'x'.repeat(100)}`));
            break;
          case 'http09-error':
            s.once('data', () =>
              setTimeout(
                () => s.end('<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 400</p>\n    </body>\n</html>\n'),
                20,
              ),
            );
            s.resume();
            break;
          case 'stall-mid-body':
            heads(() => s.write(`${STATUS}Content-Length: 10000\r\nConnection: close\r\n\r\n${'x'.repeat(100)}`));
            break;
          case 'stale-keepalive':
            heads((n) => {
              if (n === 1) s.write(`${STATUS}Content-Length: 3\r\nConnection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\nok\n`);
              else s.end();
            });
            break;
        }
      });
      const close = closer(server);
      await listenOn(server, at);
      return { close, note: () => `upstream received ${requests} request(s) over ${connections} TCP connection(s)` };
    },
  };
}
