/**
 * A pass to a unix socket against what the user ran: `ls` saying the path
 * does not exist, an `ls -l` of the directory listing other sockets but not
 * that one, or `php -v` showing another PHP version than the one in the
 * socket's name (Debian/Ubuntu name sockets phpX.Y-fpm.sock).
 */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const norm = (p: string): string => p.replace(/^\/var\/run\//, '/run/').replace(/\/{2,}/g, '/');
const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

export const pastedSocketListing: ConfigRule = {
  id: 'pasted-socket-listing',
  cause: CAUSES.socketMissing,
  title: 'a pass to a unix socket that the pasted ls / php -v output says is not there',
  check({ nginx, host }) {
    if (!nginx || !(host.missing?.length || host.files?.length || host.php)) return [];
    const sockets = (host.files ?? []).filter((f) => f.type === 'socket');
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (!t.socket) continue;
      const where = { line: t.directive.line, directive: t.directive.name };
      const missing = host.missing?.find((m) => norm(m.path) === norm(t.socket!));
      if (missing) {
        out.push({ ...where, facts: { socket: t.socket, lsLine: String(missing.line) }, confidence: 'high', note: `${t.directive.name} names ${t.socket}, and ls (input line ${missing.line}) says it does not exist: the pool is not running or listens elsewhere. Point ${t.directive.name} at the pool's listen value.` });
        continue;
      }
      if (sockets.length && !sockets.some((f) => f.name === base(t.socket!))) {
        const names = sockets.map((f) => f.name).slice(0, 5).join(', ');
        out.push({ ...where, facts: { socket: t.socket, present: names, lsLine: String(sockets[0]!.line) }, confidence: 'medium', note: `${t.directive.name} names ${base(t.socket)}, but the pasted ls -l (input line ${sockets[0]!.line}) lists ${names} and not it (if that listing is of ${t.socket.slice(0, t.socket.lastIndexOf('/') + 1) || 'its directory'}, the socket is missing). Use the socket that exists.` });
        continue;
      }
      const v = /php(\d+\.\d+)-fpm\.sock$/.exec(t.socket);
      if (v && host.php && v[1] !== host.php.version) {
        out.push({ ...where, facts: { socket: t.socket, php: host.php.version, phpLine: String(host.php.line) }, confidence: 'medium', note: `${t.directive.name} names the PHP ${v[1]} socket while php -v (input line ${host.php.line}) shows PHP ${host.php.version}: unless php${v[1]}-fpm is installed and running too, that socket does not exist. Use /run/php/php${host.php.version}-fpm.sock.` });
      }
    }
    return out;
  },
};
