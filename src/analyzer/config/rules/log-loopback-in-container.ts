/**
 * Config + log: nginx passes to 127.0.0.1/localhost, the pasted error line
 * shows that connection refused, and the request came from a Docker bridge
 * gateway (172.17.0.1, 172.18.0.1…), the address a published port's
 * connections arrive from. So nginx runs in a container, where loopback is
 * the nginx container itself, not the host nor the backend's container.
 */
import { CAUSES } from '../../cause-ids.ts';
import { isDockerGateway } from '../../parse/connect-failure.ts';
import { composeServices, isNginxService } from './compose-helpers.ts';
import { LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const logLoopbackInContainer: ConfigRule = {
  id: 'log-loopback-in-container',
  cause: CAUSES.dockerNotReachable,
  title: 'a refused pass to 127.0.0.1 logged for a client on a Docker bridge gateway (nginx in a container)',
  check({ nginx, deploy, logHints }) {
    const failures = (logHints.connectFailures ?? []).filter((f) => f.errno === 111 && f.host !== undefined && LOOPBACK_HOST.test(f.host) && isDockerGateway(f.client));
    if (!nginx || failures.length === 0) return [];
    // A compose file that puts nginx on the host network makes loopback the host's: the rule does not apply.
    if (composeServices(deploy).some((s) => isNginxService(s) && s.networkMode === 'host')) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    for (const t of passTargets(nginx)) {
      if (t.variable || !LOOPBACK_HOST.test(t.host) || seen.has(t.directive.line)) continue;
      const f = failures.find((x) => x.port === undefined || t.port === undefined || x.port === t.port);
      if (!f) continue;
      seen.add(t.directive.line);
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}`, client: f.client!, logLine: String(f.line) },
        note: `The error line (input line ${f.line}) shows ${t.directive.name} ${t.directive.args[0]} refused for client ${f.client}, Docker's bridge gateway: the request came in through a published port, so nginx runs in a container. There ${t.host} is the nginx container itself, where nothing listens on port ${t.port ?? f.port ?? '?'}. Pass to the backend's container by its compose service name (e.g. php:9000) on a shared network.`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
