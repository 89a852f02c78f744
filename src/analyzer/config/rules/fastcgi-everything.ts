/**
 * `location /` (or another prefix location) handing every request to PHP-FPM:
 * stylesheets, scripts and images reach PHP-FPM too, which refuses anything
 * but .php (security.limit_extensions): "Access denied." (403).
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookup } from '../model.ts';
import { scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const fastcgiEverything: ConfigRule = {
  id: 'fastcgi-for-every-file',
  cause: CAUSES.securityLimitExtensions,
  title: 'prefix location (location /) passing every request to PHP-FPM',
  check({ nginx }) {
    if (!nginx) return [];
    return scopesWith(nginx, 'fastcgi_pass').flatMap(({ scope, directive, location }) => {
      if (!location || location.scope.owner === null) return [];
      const path = location.path.trim();
      // Regex locations (~ \.php$) and exact ones are fine; so is a prefix location with try_files in front.
      if (/^[~=]/.test(path) || /\.php/i.test(path) || lookup(scope, 'try_files')) return [];
      const script = scope.directives.find((d) => d.name === 'fastcgi_param' && d.args[0] === 'SCRIPT_FILENAME');
      if (script && !/fastcgi_script_name|\$uri/.test(script.args[1] ?? '')) return [];
      return [
        {
          line: directive.line,
          directive: 'fastcgi_pass',
          facts: { location: path },
          note: `location ${path} sends every request to PHP-FPM, static files included: PHP-FPM refuses to run anything not ending in .php (security.limit_extensions) and answers "Access denied." (403) for CSS, JavaScript and images. Pass only location ~ \\.php$ to FastCGI and let nginx serve the rest (try_files).`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
