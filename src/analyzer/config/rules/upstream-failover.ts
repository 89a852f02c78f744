/**
 * upstream{} groups without failover: a single server (every failure is a
 * 502 for the client), or several servers all left at max_fails/fail_timeout
 * defaults with no backup (a short blip takes each out, then "no live upstreams").
 */
import { CAUSES } from '../../cause-ids.ts';
import { DEFAULTS } from '../defaults.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const upstreamFailover: ConfigRule = {
  id: 'upstream-without-failover',
  cause: CAUSES.noLiveUpstreams,
  title: 'single upstream server, or servers with default max_fails and no backup',
  check({ nginx }) {
    if (!nginx) return [];
    const { max_fails, fail_timeout } = DEFAULTS.upstreamServer;
    const out: ConfigProblem[] = [];
    for (const group of nginx.upstreams.values()) {
      const servers = group.servers;
      if (servers.length === 0) continue;
      const hasBackup = servers.some((s) => s.args.includes('backup'));
      const tuned = servers.some((s) => s.args.some((a) => a.startsWith('max_fails=') || a.startsWith('fail_timeout=')));
      const resolving = servers.some((s) => s.args.includes('resolve'));
      if (hasBackup || tuned || resolving) continue;
      if (servers.length === 1) {
        out.push({
          line: servers[0]!.line,
          directive: 'server',
          facts: { upstream: group.name, server: servers[0]!.args[0] ?? '' },
          note: `upstream ${group.name} has a single server and no backup: every failure of ${servers[0]!.args[0]} reaches the clients as a 502, with nothing to fail over to.`,
          confidence: 'low',
        });
      } else {
        out.push({
          line: group.directive.line,
          directive: 'upstream',
          facts: { upstream: group.name, max_fails: String(max_fails), fail_timeout },
          note: `upstream ${group.name} has ${servers.length} servers at the defaults max_fails=${max_fails} fail_timeout=${fail_timeout} and no backup: one failed attempt takes a server out for ${fail_timeout}; when all are out nginx logs "no live upstreams" and answers 502 at once.`,
          confidence: 'low',
        });
      }
    }
    return out;
  },
};
