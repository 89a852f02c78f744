/**
 * A PHP 5 socket path (php5-fpm.sock) when only one side is pasted: PHP 5
 * packages are gone from every supported distribution, so a config that
 * still names their socket usually outlived an upgrade whose pool listens
 * elsewhere. With both sides pasted, fastcgi-socket-mismatch decides.
 */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const PHP5 = /php5[^/]*\.sock$/;

export const php5Socket: ConfigRule = {
  id: 'php5-socket-path',
  cause: CAUSES.socketMissing,
  title: 'fastcgi_pass or pool listen on a PHP 5 socket path (one side pasted)',
  check({ nginx, fpm }) {
    const out: ConfigProblem[] = [];
    const ps = pools(fpm);
    const targets = nginx ? passTargets(nginx).filter((t) => t.pass === 'fastcgi_pass' && t.socket) : [];
    if (ps.length === 0) {
      for (const t of targets) {
        if (!PHP5.test(t.socket!)) continue;
        out.push({ line: t.directive.line, directive: t.directive.name, facts: { socket: t.socket! }, confidence: 'low', note: `${t.directive.name} names ${t.socket}, the socket of PHP 5's php5-fpm package; a system upgraded to PHP 7/8 has its pool on /run/php/phpX.Y-fpm.sock instead, and connect() fails with "No such file or directory" (502). Compare with the pool's listen.` });
      }
    }
    if (targets.length === 0) {
      for (const pool of ps) {
        const l = poolListen(pool);
        if (!l || !('socket' in l) || !PHP5.test(l.socket)) continue;
        out.push({ line: l.line, directive: 'listen', kind: 'php-fpm-config', facts: { socket: l.socket, pool: pool.name }, confidence: 'low', note: `pool ${pool.name} listens on ${l.socket}, PHP 5's socket path; after an upgrade nginx is usually configured for the new /run/php/phpX.Y-fpm.sock, so the two no longer meet (502 "No such file or directory"). Compare with nginx's fastcgi_pass.` });
      }
    }
    return out;
  },
};
