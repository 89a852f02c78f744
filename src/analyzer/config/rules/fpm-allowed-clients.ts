/** A TCP pool with listen.allowed_clients that does not include where nginx connects from. */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const fpmAllowedClients: ConfigRule = {
  id: 'fpm-allowed-clients',
  cause: CAUSES.allowedClients,
  title: 'fastcgi_pass from another host/container while listen.allowed_clients is loopback only',
  check({ nginx, fpm }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const pool of pools(fpm)) {
      const allowed = pool.settings.get('listen.allowed_clients');
      const listen = poolListen(pool);
      if (!allowed || !listen || 'socket' in listen) continue;
      const list = allowed.value.split(',').map((s) => s.trim()).filter(Boolean);
      if (!list.every((a) => a === '127.0.0.1' || a === '::1')) continue;
      for (const t of passTargets(nginx)) {
        if (t.pass !== 'fastcgi_pass' || t.variable || !t.host || LOOPBACK_HOST.test(t.host) || t.port !== listen.port) continue;
        out.push({
          line: allowed.line,
          directive: 'listen.allowed_clients',
          kind: 'php-fpm-config',
          facts: { pool: pool.name, allowed_clients: allowed.value, upstream: `${t.host}:${t.port}` },
          note: `nginx connects to ${t.host}:${t.port} (input line ${t.directive.line}), so it reaches pool ${pool.name} from another address (another host or container), but listen.allowed_clients = ${allowed.value} admits only the loopback: php-fpm closes every connection at once ("Connection from disallowed IP address"), nginx logs "recv() failed (104: Connection reset by peer)" and answers 502.`,
          confidence: 'high',
        });
        break;
      }
    }
    return out;
  },
};
