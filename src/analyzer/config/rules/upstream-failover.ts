/**
 * upstream{} groups that cannot serve: every server marked `down` (nginx
 * answers 502 "no live upstreams" at once). Groups without failover (a single
 * server, or defaults with no backup) are a risk, not a fault: advice.
 */
import { CAUSES } from '../../cause-ids.ts';
import { DEFAULTS } from '../defaults.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const upstreamFailover: ConfigRule = {
  id: 'upstream-without-failover',
  cause: CAUSES.noLiveUpstreams,
  title: 'upstream whose servers are all "down"; single server or default max_fails without backup (advice)',
  check({ nginx }) {
    if (!nginx) return [];
    const { max_fails, fail_timeout } = DEFAULTS.upstreamServer;
    const out: ConfigProblem[] = [];
    for (const group of nginx.upstreams.values()) {
      const servers = group.servers;
      if (servers.length === 0) continue;
      const up = servers.filter((s) => !s.args.includes('down'));
      if (up.length === 0 || up.every((s) => s.args.includes('backup'))) {
        out.push({
          line: servers[0]!.line,
          directive: 'server',
          facts: { upstream: group.name, server: servers.map((s) => s.args[0] ?? '').join(', ') },
          note: `every server of upstream ${group.name} is marked "down"${up.length ? ' (only backup servers remain, and a backup is used only when a primary exists and fails)' : ''}: nginx has nothing to send to and answers 502 ("no live upstreams while connecting to upstream") at once.`,
          confidence: 'high',
        });
        continue;
      }
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
          advice: true,
        });
      } else {
        out.push({
          line: group.directive.line,
          directive: 'upstream',
          facts: { upstream: group.name, max_fails: String(max_fails), fail_timeout },
          note: `upstream ${group.name} has ${servers.length} servers at the defaults max_fails=${max_fails} fail_timeout=${fail_timeout} and no backup: one failed attempt takes a server out for ${fail_timeout}; when all are out nginx logs "no live upstreams" and answers 502 at once.`,
          confidence: 'low',
          advice: true,
        });
      }
    }
    return out;
  },
};
