/**
 * nginx's fastcgi_read_timeout vs PHP-FPM's request_terminate_timeout and
 * PHP's max_execution_time: whichever fires first decides between a 504
 * (nginx gave up) and a 502 (php-fpm killed the child).
 */
import { CAUSES } from '../../cause-ids.ts';
import { formatSeconds, parseTime } from '../units.ts';
import { effective, pools, poolSetting, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const readTimeoutVsFpm: ConfigRule = {
  id: 'read-timeout-vs-fpm',
  cause: CAUSES.upstreamTimedOut,
  title: 'fastcgi_read_timeout shorter than request_terminate_timeout / max_execution_time (or the reverse)',
  check({ nginx, fpm }) {
    const ps = pools(fpm);
    if (!nginx || ps.length === 0) return [];
    const passes = scopesWith(nginx, 'fastcgi_pass');
    if (passes.length === 0) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<string>();
    for (const { scope, directive } of passes) {
      const eff = effective(scope, 'fastcgi_read_timeout');
      const nginxT = parseTime(eff.value);
      if (nginxT === undefined) continue;
      const nginxLine = eff.directive?.line ?? directive.line;
      const shown = `${eff.value}${eff.directive ? '' : ' (nginx default)'}`;
      for (const pool of ps) {
        const rtt = poolSetting(pool, 'request_terminate_timeout');
        const met = poolSetting(pool, 'max_execution_time') ?? fpm?.global.get('max_execution_time');
        const rttS = parseTime(rtt?.value) ?? 0;
        const metS = parseTime(met?.value);
        const key = `${nginxLine}/${pool.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const phpLimit = rttS > 0 ? rttS : metS;
        if (phpLimit !== undefined && phpLimit > nginxT) {
          out.push({
            line: nginxLine,
            directive: eff.directive ? 'fastcgi_read_timeout' : 'fastcgi_pass',
            facts: { timeout: formatSeconds(nginxT), pool: pool.name, php_limit: formatSeconds(phpLimit) },
            note: `nginx waits ${shown} for PHP, but pool [${pool.name}] lets a script run ${formatSeconds(phpLimit)} (${rttS > 0 ? 'request_terminate_timeout' : 'max_execution_time'}): slow requests end as 504 while PHP keeps working.`,
            confidence: 'medium',
          });
        }
        if (rttS > 0 && metS !== undefined && metS > rttS) {
          out.push({
            line: rtt!.line,
            facts: { pool: pool.name, timeout: formatSeconds(rttS), max_execution_time: formatSeconds(metS) },
            note: `request_terminate_timeout (${formatSeconds(rttS)}) in pool [${pool.name}] is shorter than max_execution_time (${formatSeconds(metS)}): php-fpm kills the child first and nginx answers 502 instead of PHP's own error.`,
            confidence: 'medium',
            cause: CAUSES.terminateTimeout,
          });
        }
      }
    }
    return out;
  },
};
