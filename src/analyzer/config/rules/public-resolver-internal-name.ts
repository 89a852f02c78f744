/**
 * A name only an internal DNS knows (a compose service "api", "*.internal",
 * "*.svc.cluster.local", "*.local") resolved at run time through a public
 * resolver (8.8.8.8, 1.1.1.1…): the public DNS answers NXDOMAIN and nginx
 * returns 502 ("api could not be resolved (3: Host not found)").
 */
import { CAUSES } from '../../cause-ids.ts';
import { lookup, lookupAll } from '../model.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const PUBLIC = /^(?:8\.8\.8\.8|8\.8\.4\.4|1\.1\.1\.1|1\.0\.0\.1|9\.9\.9\.9|149\.112\.112\.112|208\.67\.222\.222|208\.67\.220\.220)(?::53)?$/;
const INTERNAL = /^[a-z0-9_-]+$|\.(?:internal|local|lan|svc|cluster\.local|svc\.cluster\.local|consul|home\.arpa)$/i;

export const publicResolverInternalName: ConfigRule = {
  id: 'public-resolver-internal-name',
  cause: CAUSES.resolverCouldNotResolve,
  title: 'internal name (compose service, *.internal, *.svc.cluster.local) resolved through a public resolver',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (!t.variable) continue;
      const r = lookup(t.scope, 'resolver');
      const pub = r?.args.filter((a) => !a.includes('=')).every((a) => PUBLIC.test(a)) ? r : undefined;
      if (!pub) continue;
      // The host as written, or the value of the variable it names (`set $api_host api;`).
      const v = /^\$\{?(\w+)\}?(?::\d+)?$/.exec(t.host)?.[1];
      const set = v ? lookupAll(t.scope, 'set').find((d) => d.args[0] === `$${v}`) : undefined;
      const name = (set?.args[1] ?? t.host).replace(/^[a-z]+:\/\//, '').replace(/[:/].*$/, '');
      if (!name || name.includes('$') || /^\d/.test(name) || !INTERNAL.test(name)) continue;
      out.push({
        line: pub.line,
        directive: 'resolver',
        facts: { resolver: pub.args.join(' '), upstream: name },
        note: `${t.directive.name} resolves "${name}" at run time through resolver ${pub.args.filter((a) => !a.includes('=')).join(' ')}, a public DNS server, but "${name}" is a name only an internal DNS knows (Docker's 127.0.0.11, the cluster DNS, the LAN's): the answer is NXDOMAIN and the request gets 502 ("${name} could not be resolved (3: Host not found)"). Use the internal resolver.`,
        confidence: 'high',
      });
    }
    return out;
  },
};
