/**
 * nginx running in a container and passing to 127.0.0.1/localhost: inside a
 * container that is the nginx container itself, not the host nor the app's
 * container.
 */
import { CAUSES } from '../../cause-ids.ts';
import { composeServices, containerPorts, isNginxService } from './compose-helpers.ts';
import { LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const composeLoopback: ConfigRule = {
  id: 'compose-loopback',
  cause: CAUSES.dockerNotReachable,
  title: 'nginx in a container passing to 127.0.0.1/localhost (its own container)',
  check({ nginx, deploy }) {
    const services = composeServices(deploy);
    const nginxSvc = services.find(isNginxService);
    if (!nginx || !nginxSvc || nginxSvc.networkMode === 'host') return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (t.variable || !LOOPBACK_HOST.test(t.host)) continue;
      const other = services.find((s) => s !== nginxSvc && t.port !== undefined && (containerPorts(s).includes(t.port) || s.ports.some((p) => p.published === t.port)));
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}`, ...(other ? { service: other.name } : {}) },
        note: `nginx runs in compose service ${nginxSvc.name}, where ${t.host} is the nginx container itself: ${t.directive.name} ${t.directive.args[0]} reaches no backend (connection refused, 502).${other ? ` Port ${t.port} belongs to service ${other.name}: use ${other.name}:${other.ports.find((p) => p.published === t.port)?.target ?? t.port}.` : ' Use the backend\'s compose service name.'}`,
        confidence: other ? 'high' : 'medium',
      });
    }
    return out;
  },
};
