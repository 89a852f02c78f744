/**
 * proxy_pass http://localhost:… — localhost may resolve to ::1 first while the
 * backend listens on 127.0.0.1 only. A fault when the collector's listening
 * sockets (or uWSGI's socket option) show the port on IPv4 only; without
 * them, a risk (advice): the paste does not show how the backend binds.
 */
import { CAUSES } from '../../cause-ids.ts';
import { allIn } from '../model.ts';
import { proxyHost } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';
import { uwsgiListeners } from '../parse-uwsgi.ts';

export const localhostIpv6: ConfigRule = {
  id: 'proxy-pass-localhost',
  cause: CAUSES.localhostIpv6,
  title: 'proxy_pass / upstream server to "localhost" (may try ::1 first)',
  check({ nginx, host: facts, uwsgi }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const all = [...allIn(nginx.main.directives, 'proxy_pass'), ...allIn(nginx.main.directives, 'fastcgi_pass'), ...allIn(nginx.main.directives, 'uwsgi_pass'), ...[...nginx.upstreams.values()].flatMap((g) => g.servers)];
    // uWSGI's ":8000" / "0.0.0.0:8000" / "127.0.0.1:8000" bind IPv4 only.
    const listening = [...facts.listening, ...uwsgi.flatMap(uwsgiListeners).map((l) => ({ address: l.address.replace(/^:/, '0.0.0.0:'), line: l.line }))];
    for (const d of all) {
      const m = /^localhost(?::(\d+))?$/i.exec(proxyHost(d.args[0] ?? ''));
      if (!m) continue;
      const port = m[1] ?? (d.args[0]?.startsWith('https') ? '443' : '80');
      const listeners = listening.filter((l) => l.address.endsWith(`:${port}`));
      const v4only = listeners.length > 0 && listeners.every((l) => /^(?:127\.0\.0\.1|0\.0\.0\.0):/.test(l.address));
      out.push({
        line: d.line,
        directive: d.name,
        facts: { upstream: d.args[0] ?? '' },
        note: v4only
          ? `${d.name} ${d.args[0]} uses the name localhost, which resolves to both 127.0.0.1 and ::1, and port ${port} listens on IPv4 only (${listeners.map((l) => `${l.address}, input line ${l.line}`).join('; ')}): every attempt on ::1 fails with "connect() failed (111: Connection refused)" and counts toward max_fails.`
          : `${d.name} ${d.args[0]} uses the name localhost, which resolves to both 127.0.0.1 and ::1: if the backend listens on IPv4 only, every attempt on ::1 is refused (and counts toward max_fails). 127.0.0.1 avoids the question.`,
        confidence: v4only ? 'high' : 'low',
        // Without the listening sockets the paste cannot show the fault: a risk, said in the explanation.
        advice: !v4only,
      });
    }
    return out;
  },
};
