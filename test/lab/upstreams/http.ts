/** A well-behaved HTTP/1.1 server (node:http) with a few knobs: delay, status, huge header. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closer, listenOn } from './net-util.ts';
import type { Listen, Upstream } from './types.ts';

export interface HttpOptions {
  listen?: Listen;
  /** Answer after this many milliseconds. */
  delayMs?: number;
  /** Answer with this status (the body is a small HTML error page, like a real app server's). */
  status?: number;
  /** Add a Set-Cookie header of this many bytes. */
  bigHeaderBytes?: number;
  /** Answer 200 with a body of this many bytes (more than nginx's proxy buffers hold). */
  bodyBytes?: number;
}

export function http(o: HttpOptions = {}): Upstream {
  return {
    listen: o.listen ?? 'tcp4',
    async start(at) {
      let requests = 0;
      const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        requests++;
        req.resume();
        const answer = (): void => {
          if (res.destroyed) return;
          const status = o.status ?? 200;
          const headers: Record<string, string> = { 'content-type': status === 200 ? 'text/plain' : 'text/html' };
          if (o.bigHeaderBytes) headers['set-cookie'] = `session=${'a'.repeat(o.bigHeaderBytes)}; Path=/`;
          const body =
            status === 200
              ? o.bodyBytes
                ? 'x'.repeat(o.bodyBytes)
                : 'ok\n'
              : `<html><head><title>${status}</title></head><body><h1>${status} from the application</h1></body></html>\n`;
          res.writeHead(status, headers);
          res.end(body);
        };
        if (o.delayMs) setTimeout(answer, o.delayMs);
        else answer();
      });
      server.keepAliveTimeout = 5000;
      const close = closer(server);
      await listenOn(server, at);
      return { close, note: () => `upstream received ${requests} request(s)` };
    },
  };
}
