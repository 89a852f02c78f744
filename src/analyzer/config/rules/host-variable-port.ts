/**
 * proxy_pass http://$host: $host never carries the port the client asked
 * for, so nginx connects to port 80 (443 for https) of that name. $http_host
 * keeps the port.
 */
import { CAUSES } from '../../cause-ids.ts';
import { scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const hostVariablePort: ConfigRule = {
  id: 'proxy-pass-host-without-port',
  cause: CAUSES.connectionRefused,
  title: 'proxy_pass http://$host (the requested port is dropped)',
  check({ nginx }) {
    if (!nginx) return [];
    return scopesWith(nginx, 'proxy_pass').flatMap(({ directive }) => {
      const m = /^(https?):\/\/(\$(?:host|server_name))(?:[/$]|$)/.exec(directive.args[0] ?? '');
      if (!m) return [];
      const port = m[1] === 'https' ? '443' : '80';
      return [
        {
          line: directive.line,
          directive: 'proxy_pass',
          facts: { upstream: directive.args[0] ?? '', port },
          note: `proxy_pass ${directive.args[0]} takes the name from ${m[2]}, which never includes the port the client asked for: nginx connects to port ${port} of that name, so a backend on any other port (and nginx itself when the name is its own) is the wrong target: refused (502) or a loop. Use $http_host (keeps "name:port") or name the port.`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
