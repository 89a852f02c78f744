/**
 * A PHP location that passes to FastCGI without SCRIPT_FILENAME: the stock
 * `fastcgi_params` does not set it (`fastcgi.conf` and Debian's
 * `snippets/fastcgi-php.conf` do), so PHP-FPM answers "Primary script unknown".
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookupAll, type Scope } from '../model.ts';
import { isStockInclude } from '../parse-nginx.ts';
import { scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

const SETS_SCRIPT = /(?:^|\/)(?:fastcgi\.conf|snippets\/fastcgi-php\.conf)$/;

function includes(scope: Scope | null): string[] {
  const out: string[] = [];
  for (let s = scope; s; s = s.parent) for (const d of s.directives) if (d.name === 'include' && d.args[0]) out.push(d.args[0]);
  return out;
}

export const fastcgiScriptFilename: ConfigRule = {
  id: 'fastcgi-without-script-filename',
  cause: CAUSES.primaryScriptUnknown,
  title: 'fastcgi_pass for PHP without SCRIPT_FILENAME (fastcgi_params alone does not set it)',
  check({ nginx, fpm }) {
    if (!nginx) return [];
    return scopesWith(nginx, 'fastcgi_pass').flatMap(({ scope, directive, location }) => {
      // A lone fastcgi_pass line: the rest of its location was not pasted, so SCRIPT_FILENAME is unknown.
      if (!location || location.scope.owner === null) return [];
      const php = /php/i.test(location.path) || (fpm?.pools.length ?? 0) > 0;
      if (!php) return [];
      if (lookupAll(scope, 'fastcgi_param').some((d) => d.args[0] === 'SCRIPT_FILENAME')) return [];
      const inc = includes(scope);
      if (inc.some((i) => SETS_SCRIPT.test(i))) return [];
      // An include that was not pasted may set it: unknown, so no finding.
      if (inc.some((i) => !isStockInclude(i))) return [];
      return [
        {
          line: directive.line,
          directive: 'fastcgi_pass',
          facts: { upstream: directive.args[0] ?? '' },
          note: `fastcgi_pass ${directive.args[0]} without fastcgi_param SCRIPT_FILENAME${inc.length ? ` (${inc.join(', ')} does not set it)` : ''}: PHP-FPM does not know which script to run and answers "Primary script unknown" (404 "File not found."). Add fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name; or include fastcgi.conf.`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
