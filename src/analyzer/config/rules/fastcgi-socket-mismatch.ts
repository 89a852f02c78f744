/** fastcgi_pass points at a unix socket that no pasted PHP-FPM pool listens on. */
import { CAUSES } from '../../cause-ids.ts';
import { parsePassTarget, poolListen, pools, scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const fastcgiSocketMismatch: ConfigRule = {
  id: 'fastcgi-socket-mismatch',
  cause: CAUSES.socketMissing,
  title: 'fastcgi_pass socket differs from every PHP-FPM pool listen',
  check({ nginx, fpm }) {
    const ps = pools(fpm);
    if (!nginx || ps.length === 0) return [];
    const sockets = ps.flatMap((p) => {
      const l = poolListen(p);
      return l && 'socket' in l ? [{ pool: p.name, socket: l.socket }] : [];
    });
    if (sockets.length === 0) return []; // pools on TCP: the transport rule covers it
    return scopesWith(nginx, 'fastcgi_pass').flatMap(({ directive }) => {
      const t = parsePassTarget(directive.args[0] ?? '');
      if (!t || !('socket' in t) || sockets.some((s) => s.socket === t.socket)) return [];
      return [
        {
          line: directive.line,
          directive: 'fastcgi_pass',
          facts: { socket: t.socket, listen: sockets.map((s) => s.socket).join(', '), pool: sockets[0]!.pool },
          note: `fastcgi_pass uses ${t.socket}, but the pasted pool(s) listen on ${sockets.map((s) => `${s.socket} ([${s.pool}])`).join(', ')}: connect() fails with "No such file or directory".`,
          confidence: 'high',
        },
      ];
    });
  },
};
