/**
 * A PHP 5 socket path (php5-fpm.sock) when only one side is pasted: PHP 5
 * packages are gone from every supported distribution, so a config that
 * still names their socket usually outlived an upgrade whose pool listens
 * elsewhere. With both sides pasted, fastcgi-socket-mismatch decides.
 *
 * On nginx's side that is a fault only when the paste shows a newer PHP
 * (`php -v`, or a PHP 7/8 socket in another pass, commented out or not):
 * a template written for PHP 5 is right on the PHP 5 system it was written
 * for, so without that sign it is advice.
 */
import { CAUSES } from '../../cause-ids.ts';
import { poolListen, pools } from './helpers.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule, RuleContext } from './types.ts';

const PHP5 = /php5[^/]*\.sock$/;
/** A socket or pool path of PHP 7 or 8 ("php7.0-fpm.sock", "php8.2-fpm.sock", "/etc/php/7.4/"). */
const NEWER_PHP = /php[78]\.?\d*-fpm[^/]*\.sock$|\/php\/[78]\.\d/;

/** Where the paste shows PHP 7 or newer, if it does. */
function newerPhp(ctx: RuleContext): string | undefined {
  if (ctx.host.php && Number(ctx.host.php.version.split('.')[0]) >= 7) return `php -v shows PHP ${ctx.host.php.version}`;
  const passes = [...(ctx.nginx?.commentedPasses ?? []), ...(ctx.nginx ? passTargets(ctx.nginx).map((t) => t.directive) : [])];
  const other = passes.find((d) => NEWER_PHP.test(d.args[0] ?? ''));
  return other ? `${other.name} ${other.args[0]} (input line ${other.line}) is a PHP 7/8 socket` : undefined;
}

export const php5Socket: ConfigRule = {
  id: 'php5-socket-path',
  cause: CAUSES.socketMissing,
  title: 'fastcgi_pass or pool listen on a PHP 5 socket path (one side pasted)',
  check(ctx) {
    const { nginx, fpm } = ctx;
    const out: ConfigProblem[] = [];
    const ps = pools(fpm);
    const targets = nginx ? passTargets(nginx).filter((t) => t.pass === 'fastcgi_pass' && t.socket) : [];
    if (ps.length === 0) {
      const newer = targets.some((t) => PHP5.test(t.socket!)) ? newerPhp(ctx) : undefined;
      for (const t of targets) {
        if (!PHP5.test(t.socket!)) continue;
        const note = `${t.directive.name} names ${t.socket}, the socket of PHP 5's php5-fpm package; a system upgraded to PHP 7/8 has its pool on /run/php/phpX.Y-fpm.sock instead, and connect() fails with "No such file or directory" (502).`;
        if (newer) out.push({ line: t.directive.line, directive: t.directive.name, facts: { socket: t.socket! }, confidence: 'low', note: `${note} Here ${newer}. Compare with the pool's listen.` });
        else out.push({ line: t.directive.line, directive: t.directive.name, facts: { socket: t.socket! }, confidence: 'low', advice: true, note: `${note} Right only where PHP 5 still runs: check the installed PHP (php -v) and the pool's listen.` });
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
