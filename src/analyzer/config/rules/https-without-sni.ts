/** proxy_pass https://name without proxy_ssl_server_name on: no SNI is sent, many TLS backends reject the handshake. */
import { CAUSES } from '../../cause-ids.ts';
import { effective, proxyHost, scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])(?::\d+)?$/;

export const httpsWithoutSni: ConfigRule = {
  id: 'https-without-sni',
  cause: CAUSES.sslHandshakeSni,
  title: 'proxy_pass https:// to a name without proxy_ssl_server_name on',
  check({ nginx }) {
    if (!nginx) return [];
    return scopesWith(nginx, 'proxy_pass').flatMap(({ scope, directive }) => {
      const url = directive.args[0] ?? '';
      if (!url.startsWith('https://')) return [];
      const host = proxyHost(url);
      // An upstream group: the SNI question is about its servers (https-ip-without-sni).
      if (IP.test(host) || host.includes('$') || nginx.upstreams.has(host)) return [];
      const sni = effective(scope, 'proxy_ssl_server_name');
      if (sni.value === 'on') return [];
      return [
        {
          line: directive.line,
          directive: 'proxy_pass',
          facts: { upstream: url, proxy_ssl_server_name: `${sni.value}${sni.directive ? '' : ' (default)'}` },
          note: `proxy_pass ${url} uses TLS but proxy_ssl_server_name is ${sni.value}${sni.directive ? '' : ' (the default)'}: nginx sends no SNI, and CDNs, cloud load balancers and shared TLS hosts reject or misroute the handshake.`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
