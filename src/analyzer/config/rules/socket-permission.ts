/** nginx's worker user cannot write to the PHP-FPM socket (listen.owner / listen.group / listen.mode). */
import { CAUSES } from '../../cause-ids.ts';
import { defaultOf } from '../defaults.ts';
import { mainDirective } from '../model.ts';
import { parsePassTarget, poolListen, pools, poolSetting, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const socketPermission: ConfigRule = {
  id: 'fpm-socket-permission',
  cause: CAUSES.socketPermission,
  title: "nginx's user cannot use the PHP-FPM socket (listen.owner/group/mode)",
  check({ nginx, fpm }) {
    if (!nginx) return [];
    // The user directive lives in the main context; without a main context we do not know it.
    const userDirective = mainDirective(nginx, 'user');
    const hasMain = userDirective !== undefined || nginx.http !== null;
    if (!hasMain) return [];
    const [user, group] = (userDirective?.args.length ? userDirective.args : defaultOf('user').split(' ')) as [string, string?];
    const nginxGroup = group ?? user;
    const out: ConfigProblem[] = [];
    const passes = scopesWith(nginx, 'fastcgi_pass');
    for (const pool of pools(fpm)) {
      const l = poolListen(pool);
      if (!l || !('socket' in l)) continue;
      const pass = passes.find((p) => {
        const t = parsePassTarget(p.directive.args[0] ?? '');
        return t && 'socket' in t && t.socket === l.socket;
      });
      if (!pass) continue;
      const owner = poolSetting(pool, 'listen.owner')?.value ?? poolSetting(pool, 'user')?.value ?? 'nobody';
      const sgroup = poolSetting(pool, 'listen.group')?.value ?? poolSetting(pool, 'group')?.value ?? owner;
      const modeStr = poolSetting(pool, 'listen.mode')?.value ?? '0660';
      const mode = parseInt(modeStr, 8);
      const aclUsers = poolSetting(pool, 'listen.acl_users')?.value.split(',').map((s) => s.trim()) ?? [];
      const aclGroups = poolSetting(pool, 'listen.acl_groups')?.value.split(',').map((s) => s.trim()) ?? [];
      if (aclUsers.length || aclGroups.length) {
        if (aclUsers.includes(user) || aclGroups.includes(nginxGroup) || aclGroups.includes(user)) continue;
      } else {
        if (Number.isNaN(mode)) continue;
        if ((mode & 0o006) === 0o006) continue;
        if (owner === user && (mode & 0o600) === 0o600) continue;
        if ((sgroup === nginxGroup || sgroup === user) && (mode & 0o060) === 0o060) continue;
      }
      const line = poolSetting(pool, 'listen.owner')?.line ?? poolSetting(pool, 'listen.mode')?.line ?? l.line;
      out.push({
        line,
        facts: { socket: l.socket, pool: pool.name, user, owner, group: sgroup, mode: modeStr },
        note: `nginx workers run as ${user}${group ? `:${group}` : ''}${userDirective ? '' : ' (nginx default, no user directive)'}, but pool [${pool.name}] creates ${l.socket} as ${owner}:${sgroup} mode ${modeStr}${aclUsers.length || aclGroups.length ? ` with ACL users=${aclUsers.join(',')} groups=${aclGroups.join(',')}` : ''}: connect() fails with "13: Permission denied" unless ${user} is in group ${sgroup}.`,
        confidence: 'medium',
      });
    }
    // No pool pasted, but the socket is the one Debian/Ubuntu's packaged pool creates (www-data:www-data 0660).
    if (pools(fpm).length === 0 && userDirective && user !== 'www-data' && user !== 'root' && nginxGroup !== 'www-data') {
      for (const p of passes) {
        const t = parsePassTarget(p.directive.args[0] ?? '');
        if (!t || !('socket' in t) || !DEBIAN_SOCKET.test(t.socket)) continue;
        out.push({
          line: userDirective.line,
          directive: 'user',
          facts: { socket: t.socket, user, owner: 'www-data (Debian default)', mode: '0660 (Debian default)' },
          note: `nginx workers run as ${user} (input line ${userDirective.line}), and ${t.socket} is the socket of Debian/Ubuntu's packaged PHP-FPM pool, which creates it as www-data:www-data mode 0660 unless its pool file says otherwise (not pasted): connect() fails with "13: Permission denied". Run nginx as www-data, or set listen.owner/listen.group in the pool.`,
          confidence: 'medium',
        });
        break;
      }
    }
    return out;
  },
};

const DEBIAN_SOCKET = /^\/(?:var\/)?run\/php\/php\d+\.\d+-fpm\.sock$/;
