/**
 * nginx in a compose file passing to a host name that no service of the
 * pasted compose file answers to (service, container_name, alias, hostname),
 * or to a service on no network nginx shares: Docker's DNS does not resolve
 * it and nginx refuses to start ("host not found in upstream").
 */
import { CAUSES } from '../../cause-ids.ts';
import { composeServiceByHost, composeServices, isNginxService, namesOf, shareNetwork } from './compose-helpers.ts';
import { IP_HOST, LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const composeUnknownHost: ConfigRule = {
  id: 'compose-unknown-host',
  cause: CAUSES.hostNotFound,
  title: 'proxy_pass / fastcgi_pass to a name that is not a service of the pasted compose file',
  check({ nginx, deploy }) {
    const services = composeServices(deploy);
    if (!nginx || services.length === 0) return [];
    const nginxSvc = services.find(isNginxService);
    if (nginxSvc?.networkMode === 'host') return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<string>();
    for (const t of passTargets(nginx)) {
      // Only single-label names: a dotted name may be real DNS outside compose.
      if (t.variable || t.socket !== undefined || !t.host || t.host.includes('.') || IP_HOST.test(t.host) || LOOPBACK_HOST.test(t.host)) continue;
      if (seen.has(`${t.host}|${t.directive.line}`)) continue;
      seen.add(`${t.host}|${t.directive.line}`);
      const svc = composeServiceByHost(deploy, t.host);
      if (!svc) {
        out.push({
          line: t.directive.line,
          directive: t.directive.name,
          facts: { upstream: t.host, services: services.map((s) => s.name).join(', ') },
          note: `${t.directive.name} ${t.directive.args[0]} names "${t.host}", but no service of the pasted compose file is called that (services: ${services.map((s) => namesOf(s).join('/')).join(', ')}): Docker's DNS cannot resolve it, nginx stops with "host not found in upstream" (or answers 502 when the name is resolved at run time). Use the service name.`,
          confidence: 'medium',
        });
      } else if (nginxSvc && svc !== nginxSvc && !shareNetwork(nginxSvc, svc)) {
        out.push({
          line: t.directive.line,
          directive: t.directive.name,
          facts: { upstream: t.host, networks: `${nginxSvc.name}: ${nginxSvc.networks.join(', ') || 'default'}; ${svc.name}: ${svc.networks.join(', ') || 'default'}` },
          note: `${t.directive.name} ${t.directive.args[0]} names service ${svc.name}, but ${nginxSvc.name} (nginx) and ${svc.name} share no network (${nginxSvc.name}: ${nginxSvc.networks.join(', ') || 'default'}; ${svc.name}: ${svc.networks.join(', ') || 'default'}): the name does not resolve from nginx's container ("host not found in upstream"). Put both on one network.`,
          confidence: 'high',
          cause: CAUSES.dockerNotReachable,
        });
      }
    }
    return out;
  },
};
