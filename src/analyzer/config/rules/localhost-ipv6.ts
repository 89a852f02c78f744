/** proxy_pass http://localhost:… — localhost may resolve to ::1 first while the backend listens on 127.0.0.1 only. */
import { CAUSES } from '../../cause-ids.ts';
import { allIn } from '../model.ts';
import { proxyHost } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const localhostIpv6: ConfigRule = {
  id: 'proxy-pass-localhost',
  cause: CAUSES.localhostIpv6,
  title: 'proxy_pass / upstream server to "localhost" (may try ::1 first)',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const all = [...allIn(nginx.main.directives, 'proxy_pass'), ...allIn(nginx.main.directives, 'fastcgi_pass'), ...[...nginx.upstreams.values()].flatMap((g) => g.servers)];
    for (const d of all) {
      const host = proxyHost(d.args[0] ?? '');
      if (!/^localhost(?::\d+)?$/i.test(host)) continue;
      out.push({
        line: d.line,
        directive: d.name,
        facts: { upstream: d.args[0] ?? '' },
        note: `${d.name} ${d.args[0]} uses the name localhost, which resolves to both 127.0.0.1 and ::1: if the backend listens on IPv4 only, every attempt on ::1 fails with "connect() failed (111: Connection refused)" (and counts toward max_fails).`,
        confidence: 'low',
      });
    }
    return out;
  },
};
