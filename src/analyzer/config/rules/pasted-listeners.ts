/**
 * A pass to a loopback TCP port against a pasted `ss -ltnp` / `netstat -tlnp`:
 * when the listing shows listeners but none on that port, nothing accepts
 * there (connection refused).
 */
import { CAUSES } from '../../cause-ids.ts';
import { LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

/** "127.0.0.1:9000", "*:9000", "[::]:9000", "0.0.0.0:9000" → "9000". */
const portOf = (addr: string): string | undefined => /:(\d+)$/.exec(addr)?.[1];

export const pastedListeners: ConfigRule = {
  id: 'pasted-listeners',
  cause: CAUSES.connectionRefused,
  title: 'a pass to a loopback port that the pasted ss / netstat listing shows nothing listening on',
  check({ nginx, host }) {
    const tcp = host.listening.filter((l) => portOf(l.address) !== undefined);
    if (!nginx || tcp.length === 0) return [];
    const ports = new Set(tcp.map((l) => portOf(l.address)));
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    for (const t of passTargets(nginx)) {
      if (t.variable || t.socket || t.port === undefined || !LOOPBACK_HOST.test(t.host) || ports.has(t.port) || seen.has(t.directive.line)) continue;
      seen.add(t.directive.line);
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}:${t.port}`, listening: [...ports].slice(0, 8).join(', '), ssLine: String(tcp[0]!.line) },
        confidence: 'medium',
        note: `${t.directive.name} sends to ${t.host}:${t.port}, but the pasted listener list (input line ${tcp[0]!.line}) has nothing on port ${t.port} (listening: ${[...ports].slice(0, 8).join(', ')}): connect() is refused. Start the backend or point the pass at the port or socket it listens on.`,
      });
    }
    return out;
  },
};
