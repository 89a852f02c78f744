/** fastcgi_pass to a TCP port while every pool listens on a unix socket, or the reverse. */
import { CAUSES } from '../../cause-ids.ts';
import { parsePassTarget, poolListen, pools, sameTcp, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const fastcgiTransportMismatch: ConfigRule = {
  id: 'fastcgi-transport-mismatch',
  cause: CAUSES.connectionRefused,
  title: 'fastcgi_pass uses TCP while PHP-FPM listens on a socket (or the reverse)',
  check({ nginx, fpm }) {
    const ps = pools(fpm);
    if (!nginx || ps.length === 0) return [];
    const listens = ps.flatMap((p) => {
      const l = poolListen(p);
      return l ? [{ pool: p.name, l }] : [];
    });
    if (listens.length === 0) return [];
    const out: ConfigProblem[] = [];
    for (const { directive } of scopesWith(nginx, 'fastcgi_pass')) {
      const t = parsePassTarget(directive.args[0] ?? '');
      if (!t) continue;
      if ('host' in t) {
        const tcp = listens.filter((x) => 'host' in x.l);
        if (tcp.some((x) => 'host' in x.l && sameTcp(t, x.l))) continue;
        const sockets = listens.filter((x) => 'socket' in x.l);
        if (tcp.length === 0 && sockets.length) {
          const s = sockets[0]!;
          out.push({
            line: directive.line,
            directive: 'fastcgi_pass',
            facts: { upstream: `${t.host}:${t.port}`, pool: s.pool, listen: 'socket' in s.l ? s.l.socket : '' },
            note: `fastcgi_pass connects to TCP ${t.host}:${t.port}, but pool [${s.pool}] listens on the unix socket ${'socket' in s.l ? s.l.socket : ''}: nothing answers on the port (connect() … 111: Connection refused).`,
            confidence: 'high',
          });
        } else if (tcp.length) {
          out.push({
            line: directive.line,
            directive: 'fastcgi_pass',
            facts: { upstream: `${t.host}:${t.port}`, listen: tcp.map((x) => ('host' in x.l ? `${x.l.host}:${x.l.port}` : '')).join(', ') },
            note: `fastcgi_pass connects to ${t.host}:${t.port}, but the pasted pools listen on ${tcp.map((x) => ('host' in x.l ? `${x.l.host}:${x.l.port}` : '')).join(', ')}.`,
            confidence: 'high',
          });
        }
      } else {
        const hasSocket = listens.some((x) => 'socket' in x.l);
        const tcp = listens.find((x) => 'host' in x.l);
        if (!hasSocket && tcp && 'host' in tcp.l) {
          out.push({
            line: directive.line,
            directive: 'fastcgi_pass',
            facts: { socket: t.socket, pool: tcp.pool, listen: `${tcp.l.host}:${tcp.l.port}` },
            note: `fastcgi_pass uses the unix socket ${t.socket}, but pool [${tcp.pool}] listens on TCP ${tcp.l.host}:${tcp.l.port}: the socket file does not exist.`,
            confidence: 'high',
            cause: CAUSES.socketMissing,
          });
        }
      }
    }
    return out;
  },
};
