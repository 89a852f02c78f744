/**
 * A FastCGI/uWSGI socket under /tmp: PHP-FPM's systemd unit (and many others)
 * runs with PrivateTmp, so the socket lives in the service's private /tmp and
 * nginx's /tmp has no such file ("No such file or directory", 502).
 */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const TMP = /^\/(?:var\/)?tmp\//;

export const socketInTmp: ConfigRule = {
  id: 'socket-in-tmp',
  cause: CAUSES.socketMissing,
  title: 'FastCGI socket under /tmp (systemd PrivateTmp hides it from nginx)',
  check({ nginx, fpm }) {
    const out: ConfigProblem[] = [];
    const note = (where: string, path: string): string =>
      `${where} ${path} is under /tmp: php-fpm's systemd unit runs with PrivateTmp=true on Debian, Ubuntu, RHEL and Fedora, so the socket is created in the service's private /tmp and nginx's /tmp has no such file (connect() fails with "2: No such file or directory", 502) even though both name the same path. Use /run/php/ (or /run/php-fpm/) for the socket.`;
    const seen = new Set<number>();
    for (const t of nginx ? passTargets(nginx) : []) {
      if (t.pass !== 'fastcgi_pass' || !t.socket || !TMP.test(t.socket) || seen.has(t.directive.line)) continue;
      seen.add(t.directive.line);
      out.push({ line: t.directive.line, directive: t.directive.name, facts: { socket: t.socket }, confidence: 'medium', note: note(`${t.directive.name} names`, t.socket) });
    }
    if (out.length === 0) {
      for (const pool of pools(fpm)) {
        const l = poolListen(pool);
        if (l && 'socket' in l && TMP.test(l.socket)) out.push({ line: l.line, directive: 'listen', kind: 'php-fpm-config', facts: { socket: l.socket, pool: pool.name }, confidence: 'medium', note: note(`pool ${pool.name} listens on`, l.socket) });
      }
    }
    return out;
  },
};
