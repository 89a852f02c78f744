/**
 * A unix socket under /tmp: PHP-FPM's systemd unit (Debian, Ubuntu, RHEL,
 * Fedora) and RHEL-family nginx units run with PrivateTmp, so each side sees
 * its own /tmp and a socket created in one is "No such file or directory" (502)
 * for the other, even though both name the same path.
 *
 * A fault only when the paste shows both sides naming the same /tmp path (a
 * pass or upstream server and a pool `listen`, a gunicorn `-b unix:` or a
 * uWSGI `socket`), or a pool alone listening there (its packaged unit has
 * PrivateTmp). nginx's side alone is advice: plenty of setups (control-panel
 * PHP builds, containers) keep their sockets in /tmp and work.
 */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule, RuleContext } from './types.ts';

const TMP = /^\/(?:var\/)?tmp\//;

interface NginxSocket {
  line: number;
  directive: string;
  path: string;
}

/** Sockets nginx connects to: pass directives and upstream `server unix:` lines. */
function nginxSockets(ctx: RuleContext): NginxSocket[] {
  if (!ctx.nginx) return [];
  const out: NginxSocket[] = [];
  for (const t of passTargets(ctx.nginx)) if (t.socket) out.push({ line: t.directive.line, directive: t.directive.name, path: t.socket });
  for (const group of ctx.nginx.upstreams.values()) {
    for (const s of group.servers) {
      const a = s.args[0] ?? '';
      if (a.startsWith('unix:')) out.push({ line: s.line, directive: 'server', path: a.slice(5) });
    }
  }
  return out;
}

/** Sockets the backends' pasted configs or commands listen on, with who says so. */
function backendSockets(ctx: RuleContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const pool of pools(ctx.fpm)) {
    const l = poolListen(pool);
    if (l && 'socket' in l) out.set(l.socket, `pool ${pool.name}`);
  }
  for (const b of ctx.host.binds ?? []) if (b.address.startsWith('unix:')) out.set(b.address.slice(5), b.program);
  for (const u of ctx.uwsgi) {
    for (const name of ['socket', 'uwsgi-socket', 'http-socket']) {
      const v = u.options.get(name)?.value;
      if (v?.startsWith('/')) out.set(v, 'uWSGI');
    }
  }
  return out;
}

const why = 'php-fpm\'s systemd unit (Debian, Ubuntu, RHEL, Fedora) and the RHEL-family nginx unit run with PrivateTmp=true, so each sees its own /tmp: the socket one creates is not the file the other opens (connect() fails with "2: No such file or directory", 502) even though both name the same path. Use /run/… (e.g. /run/php/ or /run/<app>/) for the socket.';

export const socketInTmp: ConfigRule = {
  id: 'socket-in-tmp',
  cause: CAUSES.socketMissing,
  title: 'unix socket under /tmp (systemd PrivateTmp hides it from the other side)',
  check(ctx) {
    const out: ConfigProblem[] = [];
    const backends = backendSockets(ctx);
    const seen = new Set<number>();
    const fromNginx = nginxSockets(ctx).filter((s) => TMP.test(s.path));
    for (const s of fromNginx) {
      if (seen.has(s.line)) continue;
      seen.add(s.line);
      const who = backends.get(s.path);
      if (who) out.push({ line: s.line, directive: s.directive, facts: { socket: s.path }, confidence: 'medium', note: `${s.directive} names ${s.path} and ${who} listens there, under /tmp: ${why}` });
      else out.push({ line: s.line, directive: s.directive, facts: { socket: s.path }, confidence: 'low', advice: true, note: `${s.directive} names ${s.path}, under /tmp. If the process that creates it (or nginx) runs under systemd with PrivateTmp, the two do not see the same /tmp: ${why}` });
    }
    if (fromNginx.length === 0) {
      for (const pool of pools(ctx.fpm)) {
        const l = poolListen(pool);
        if (l && 'socket' in l && TMP.test(l.socket)) out.push({ line: l.line, directive: 'listen', kind: 'php-fpm-config', facts: { socket: l.socket, pool: pool.name }, confidence: 'medium', note: `pool ${pool.name} listens on ${l.socket}, under /tmp: ${why}` });
      }
    }
    return out;
  },
};
