/**
 * Configuration nginx refuses to load ("nginx -t" fails, nginx does not start
 * or keeps the old configuration): a pass without a port to a name that is
 * no upstream, an upstream server with a scheme, busy buffers that cannot fit.
 */
import { CAUSES } from '../../cause-ids.ts';
import { parseSize } from '../units.ts';
import { effective, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const configLoadErrors: ConfigRule = {
  id: 'config-load-errors',
  cause: CAUSES.nginxNotRunning,
  title: 'pass to a name without port that is no upstream; upstream server with a scheme; busy buffers that cannot fit',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const partial = !nginx.http;
    for (const pass of ['fastcgi_pass', 'uwsgi_pass', 'scgi_pass']) {
      for (const { directive } of scopesWith(nginx, pass)) {
        const a = directive.args[0] ?? '';
        if (!a || a.includes('$') || a.startsWith('unix:') || /:\d+$/.test(a) || nginx.upstreams.has(a)) continue;
        out.push({
          line: directive.line,
          directive: pass,
          facts: { upstream: a },
          note: `${pass} ${a} has no port and no upstream named "${a}" is ${partial ? 'in the paste' : 'defined'}: nginx -t fails with 'no port in upstream "${a}"' and nginx does not (re)load${partial ? ' — unless the part that was not pasted defines that upstream' : ''}.`,
          confidence: partial ? 'low' : 'high',
        });
      }
    }
    // A `server` line with a scheme: in an upstream block (or pasted alone, where it can only be one).
    for (const s of [...[...nginx.upstreams.values()].flatMap((g) => g.servers), ...nginx.main.directives.filter((d) => d.name === 'server' && !d.block)]) {
      const a = s.args[0] ?? '';
      if (!/^[a-z]+:\/\//.test(a)) continue;
      out.push({ line: s.line, directive: 'server', facts: { server: a }, note: `upstream server ${a} carries a scheme; upstream servers are host:port (the scheme belongs in proxy_pass): nginx -t fails with "invalid host in upstream" and nginx does not (re)load.`, confidence: 'high' });
    }
    // proxy_busy_buffers_size (default 2 × max(buffer_size, one buffer)) must fit in all buffers minus one.
    const seen = new Set<number>();
    for (const prefix of ['proxy', 'fastcgi', 'uwsgi']) {
      for (const { scope, directive } of scopesWith(nginx, `${prefix}_buffer_size`)) {
        const bs = parseSize(effective(scope, `${prefix}_buffer_size`).value);
        const bufs = effective(scope, `${prefix}_buffers`);
        const [n, one] = bufs.value.split(/\s+/);
        const num = Number(n);
        const size = parseSize(one?.split('|')[0]);
        const busyD = effective(scope, `${prefix}_busy_buffers_size`);
        if (bs === undefined || size === undefined || !num || seen.has(directive.line)) continue;
        const busy = busyD.directive ? parseSize(busyD.value) : 2 * Math.max(bs, size);
        if (busy === undefined || busy <= (num - 1) * size) continue;
        seen.add(directive.line);
        out.push({ line: directive.line, directive: `${prefix}_buffer_size`, facts: { directive: `${prefix}_buffer_size`, value: directive.args[0] ?? '' }, note: `${prefix}_buffer_size ${directive.args[0]} with ${prefix}_buffers ${bufs.value}${bufs.directive ? '' : ' (default)'} makes ${prefix}_busy_buffers_size ${busyD.directive ? busyD.value : `${busy / 1024}k (2 × the larger buffer)`} larger than all buffers minus one (${((num - 1) * size) / 1024}k): nginx -t fails ("${prefix}_busy_buffers_size" must be less than the size of all "${prefix}_buffers" minus one buffer). Raise ${prefix}_buffers too (e.g. ${prefix}_buffers 8 ${directive.args[0]}).`, confidence: 'high' });
      }
    }
    return out;
  },
};
