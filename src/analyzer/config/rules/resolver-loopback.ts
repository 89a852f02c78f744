/**
 * `resolver localhost` / `resolver 127.0.0.1` for names resolved at run time:
 * unless a DNS server really runs there (dnsmasq, unbound), every lookup is
 * refused and the request gets 502 ("could not be resolved (111: Connection
 * refused)"). systemd-resolved (127.0.0.53) and Docker's DNS (127.0.0.11) are real.
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookup } from '../model.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const LOOPBACK_RESOLVER = /^(?:localhost|127\.0\.0\.1|\[?::1\]?)(?::53)?$/i;

export const resolverLoopback: ConfigRule = {
  id: 'resolver-on-loopback',
  cause: CAUSES.resolverCouldNotResolve,
  title: 'resolver localhost / 127.0.0.1 for a proxy_pass that resolves a name at run time',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (!t.variable) continue;
      const name = t.host.slice(0, t.host.indexOf('$')).replace(/:\d*$/, '');
      // "http://10.0.0.1$request_uri": nothing to resolve.
      if (/^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])?$/.test(name) && t.host.startsWith('$') === false) continue;
      const r = lookup(t.scope, 'resolver');
      const loop = r?.args.find((a) => LOOPBACK_RESOLVER.test(a));
      if (!r || !loop) continue;
      out.push({
        line: r.line,
        directive: 'resolver',
        facts: { resolver: loop, upstream: t.directive.args[0] ?? '' },
        note: `${t.directive.name} ${t.directive.args[0]} resolves its host at run time through resolver ${loop}: unless a DNS server (dnsmasq, unbound) listens on this machine's port 53, each lookup is refused and the request gets 502 ("… could not be resolved (111: Connection refused)"). Use the system's real DNS server (see /etc/resolv.conf; 127.0.0.11 in Docker), or an IP address in proxy_pass.`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
