/** proxy_pass https:// to a port that speaks plain HTTP (80, 8080, 3000…): 502 "SSL routines::wrong version number". */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets, PLAIN_PORTS } from './targets.ts';
import type { ConfigRule } from './types.ts';

export const httpsToPlainPort: ConfigRule = {
  id: 'https-to-plain-port',
  cause: CAUSES.sslWrongVersion,
  title: 'proxy_pass https:// to port 80/8080/3000/8000…',
  check({ nginx }) {
    if (!nginx) return [];
    return passTargets(nginx)
      .filter((t) => t.pass === 'proxy_pass' && t.scheme === 'https' && t.port !== undefined && PLAIN_PORTS.has(t.port))
      .map((t) => ({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}:${t.port}` },
        note: `proxy_pass https:// to ${t.host}:${t.port}${t.group ? ` (upstream ${t.group})` : ''}: port ${t.port} usually speaks plain HTTP, so the TLS handshake reads an HTTP answer and fails with 502 "SSL_do_handshake() failed (SSL: … wrong version number)". Use http://, or the port where the backend terminates TLS.`,
        confidence: 'medium' as const,
      }));
  },
};
