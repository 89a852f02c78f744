/** proxy_pass (HTTP) aimed at a PHP-FPM (FastCGI) socket or port: the protocols do not match. */
import { CAUSES } from '../../cause-ids.ts';
import { parsePassTarget, poolListen, pools, sameTcp, scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const proxyPassToFpm: ConfigRule = {
  id: 'proxy-pass-to-php-fpm',
  cause: CAUSES.fastcgiPassToHttp,
  title: 'proxy_pass (HTTP) to a PHP-FPM socket or port instead of fastcgi_pass',
  check({ nginx, fpm }) {
    if (!nginx) return [];
    const listens = pools(fpm).flatMap((p) => {
      const l = poolListen(p);
      return l ? [{ pool: p.name, l }] : [];
    });
    return scopesWith(nginx, 'proxy_pass').flatMap(({ directive }) => {
      const url = directive.args[0] ?? '';
      const t = parsePassTarget(url);
      if (!t) return [];
      const looksFpm = 'socket' in t ? /php|fpm/i.test(t.socket) : false;
      const pool = listens.find((x) => ('socket' in t && 'socket' in x.l && x.l.socket === t.socket) || ('host' in t && 'host' in x.l && sameTcp(t, x.l)));
      if (!looksFpm && !pool) return [];
      return [
        {
          line: directive.line,
          directive: 'proxy_pass',
          facts: { upstream: url, ...(pool ? { pool: pool.pool } : {}) },
          note: `proxy_pass ${url} speaks HTTP to ${pool ? `PHP-FPM pool [${pool.pool}]` : 'what looks like a PHP-FPM socket'}, which expects FastCGI: the child resets the connection ("recv() failed (104: Connection reset by peer)", 502). Use fastcgi_pass with fastcgi_params.`,
          confidence: pool ? ('high' as const) : ('medium' as const),
        },
      ];
    });
  },
};
