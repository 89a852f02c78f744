/** proxy_pass with a variable in the host part needs a resolver at run time ("no resolver defined to resolve …"). */
import { CAUSES } from '../../cause-ids.ts';
import { lookup, lookupAll } from '../model.ts';
import { proxyHost, scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const variableProxyPassResolver: ConfigRule = {
  id: 'variable-proxy-pass-without-resolver',
  cause: CAUSES.resolverNotDefined,
  title: 'proxy_pass with a variable host and no resolver',
  check({ nginx }) {
    if (!nginx) return [];
    return ['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'grpc_pass'].flatMap((pass) =>
      scopesWith(nginx, pass).flatMap(({ scope, directive }) => {
        const url = directive.args[0] ?? '';
        const host = proxyHost(url);
        if (!host.includes('$') || host.startsWith('unix:')) return [];
        // "http://10.0.0.1$request_uri": the variable is in the path; an IP literal needs no DNS.
        if (/^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])(?::\d+)?$/.test(host.slice(0, host.indexOf('$')))) return [];
        if (lookup(scope, 'resolver')) return [];
        // `set $backend "name"` where name is an upstream{} group resolves without DNS.
        const v = /\$\{?(\w+)/.exec(host)?.[1];
        const set = lookupAll(scope, 'set').find((d) => d.args[0] === `$${v}`);
        if (set && nginx.upstreams.has(set.args[1] ?? '')) return [];
        // Pasted without its server block: a resolver in the http{} not pasted is possible.
        const partial = nginx.servers.length === 0;
        return [
          {
            line: directive.line,
            directive: pass,
            advice: partial,
            facts: { upstream: url, variable: `$${v ?? ''}` },
            note: `${pass} ${url} contains a variable, so nginx resolves the name per request and needs a resolver directive; none is in scope${partial ? ' of what was pasted (a resolver in the enclosing blocks would do)' : ''}, so requests fail with 502 ("no resolver defined to resolve …").`,
            confidence: 'high' as const,
          },
        ];
      }),
    );
  },
};
