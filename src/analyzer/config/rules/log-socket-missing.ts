/**
 * Config + log: the pasted error line says connect() to unix:<path> failed
 * with "No such file or directory" and a pass directive names that socket,
 * so the finding points at the directive to change.
 */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const norm = (p: string): string => p.replace(/^\/var\/run\//, '/run/').replace(/\/{2,}/g, '/');

export const logSocketMissing: ConfigRule = {
  id: 'log-socket-missing',
  cause: CAUSES.socketMissing,
  title: 'a pass directive names the unix socket the log says does not exist',
  check({ nginx, logHints }) {
    const failures = (logHints.connectFailures ?? []).filter((f) => f.errno === 2 && f.socket);
    if (!nginx || failures.length === 0) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (!t.socket) continue;
      // /var/run is a symlink to /run on current distributions: the same socket either way.
      const f = failures.find((x) => norm(x.socket!) === norm(t.socket!));
      if (!f) continue;
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { socket: t.socket, logLine: String(f.line) },
        note: `${t.directive.name} names ${t.socket} and the error line (input line ${f.line}) says it does not exist (2: No such file or directory): the PHP-FPM pool is not running or listens elsewhere (another PHP version's socket, a TCP port). Point ${t.directive.name} at the pool's listen value (ls /run/php/ shows the sockets that exist).`,
        confidence: 'high',
      });
    }
    return out;
  },
};
