/** proxy_pass http:// to a port that speaks TLS (443, 8443): the backend answers 400 "plain HTTP request sent to HTTPS port" or closes. */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets, TLS_PORTS } from './targets.ts';
import type { ConfigRule } from './types.ts';

export const httpToTlsPort: ConfigRule = {
  id: 'http-to-tls-port',
  cause: CAUSES.upstreamNotHttp,
  title: 'proxy_pass http:// to port 443/8443',
  check({ nginx }) {
    if (!nginx) return [];
    return passTargets(nginx)
      .filter((t) => t.pass === 'proxy_pass' && t.scheme === 'http' && t.port !== undefined && TLS_PORTS.has(t.port))
      .map((t) => ({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}:${t.port}` },
        note: `${t.group ? `upstream ${t.group} server ${t.host}:${t.port}, used with proxy_pass http://` : `proxy_pass http://${t.host}:${t.port}`} speaks plain HTTP to port ${t.port}, where backends speak TLS: the backend answers 400 "The plain HTTP request was sent to HTTPS port" or drops the connection (502). Use https:// (with proxy_ssl_server_name on) or the backend's plain HTTP port.`,
        confidence: 'medium' as const,
      }));
  },
};
