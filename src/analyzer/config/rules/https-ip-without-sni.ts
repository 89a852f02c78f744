/**
 * proxy_pass https:// to a bare IP address: nginx sends no SNI for an IP
 * (even with proxy_ssl_server_name on) unless proxy_ssl_name names the host,
 * so a backend that picks its certificate by name (CDN, load balancer, shared
 * TLS host) rejects the handshake.
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookup } from '../model.ts';
import { IP_HOST, LOOPBACK_HOST, passTargets, PRIVATE_IP } from './targets.ts';
import type { ConfigRule } from './types.ts';

export const httpsIpWithoutSni: ConfigRule = {
  id: 'https-ip-without-sni',
  cause: CAUSES.sslHandshakeSni,
  title: 'proxy_pass https:// to a bare IP without proxy_ssl_name + proxy_ssl_server_name on',
  check({ nginx }) {
    if (!nginx) return [];
    return passTargets(nginx).flatMap((t) => {
      if (t.pass !== 'proxy_pass' || t.scheme !== 'https' || !IP_HOST.test(t.host) || LOOPBACK_HOST.test(t.host)) return [];
      const name = lookup(t.scope, 'proxy_ssl_name');
      const sni = lookup(t.scope, 'proxy_ssl_server_name');
      if (name && sni?.args[0] === 'on') return [];
      const missing = [name ? '' : 'proxy_ssl_name <the backend\'s host name>', sni?.args[0] === 'on' ? '' : 'proxy_ssl_server_name on'].filter(Boolean).join(' and ');
      return [
        {
          line: t.directive.line,
          directive: t.directive.name,
          facts: { upstream: `${t.host}:${t.port ?? '443'}` },
          note: `proxy_pass https:// to the IP address ${t.host} sends no SNI (nginx never sends an IP address as the server name) and ${missing} is not set: a backend that chooses its certificate by name (a CDN, a cloud load balancer, a shared TLS host, an ingress) rejects the handshake (502 "SSL_do_handshake() failed … alert handshake failure" / "unrecognized name").`,
          confidence: PRIVATE_IP.test(t.host) ? ('low' as const) : ('medium' as const),
          // A private address is usually one's own backend with one certificate: a risk, not a fault.
          advice: PRIVATE_IP.test(t.host),
        },
      ];
    });
  },
};
