/**
 * One live server plus a `down` entry (nginx-proxy writes "server 127.0.0.1
 * down;" for containers it cannot reach): with two peers nginx applies
 * max_fails to the live one, which a single-server group never does, so one
 * failure takes the group out and requests get "no live upstreams" (502).
 */
import { CAUSES } from '../../cause-ids.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const upstreamDownPlaceholder: ConfigRule = {
  id: 'upstream-down-placeholder',
  cause: CAUSES.noLiveUpstreams,
  title: 'one live upstream server next to a "down" entry (max_fails now applies to it)',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const g of nginx.upstreams.values()) {
      const down = g.servers.filter((s) => s.args.includes('down'));
      const live = g.servers.filter((s) => !s.args.includes('down') && !s.args.includes('backup'));
      if (down.length === 0 || live.length !== 1) continue;
      const s = live[0]!;
      if (s.args.some((a) => a === 'max_fails=0')) continue;
      out.push({
        line: down[0]!.line,
        directive: 'server',
        facts: { upstream: g.name, server: s.args[0] ?? '' },
        note: `upstream ${g.name} has one live server (${s.args[0]}) and ${down.length} marked down (input line ${down[0]!.line}): nginx treats it as a multi-server group, so a single failure of ${s.args[0]} marks it unavailable for fail_timeout and every request meanwhile gets 502 "no live upstreams". Remove the down entry, or give the live server max_fails=0.`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
