/**
 * A container published through nginx-proxy (VIRTUAL_HOST) in a compose file
 * that does not run nginx-proxy itself: it must join the proxy's network, but
 * sits only on its project's default network (or on none of the external
 * networks the file declares), so nginx-proxy cannot reach it (502).
 */
import { CAUSES } from '../../cause-ids.ts';
import { composeServices, isNginxProxy } from './compose-helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const composeProxyNetwork: ConfigRule = {
  id: 'compose-virtual-host-network',
  cause: CAUSES.dockerNotReachable,
  title: 'VIRTUAL_HOST service not on the network of an nginx-proxy run elsewhere',
  check({ deploy }) {
    const services = composeServices(deploy);
    if (services.length === 0 || services.some(isNginxProxy)) return [];
    const external = deploy!.composeExternalNetworks ?? [];
    const out: ConfigProblem[] = [];
    for (const s of services) {
      const host = s.env.get('VIRTUAL_HOST');
      if (!host || s.networkMode) continue;
      const onExternal = s.networks.some((n) => external.includes(n));
      if (onExternal) continue;
      if (external.length === 0 && s.networks.length > 0) continue;
      out.push({
        line: host.line,
        directive: 'VIRTUAL_HOST',
        kind: 'deploy-config',
        facts: { service: s.name, networks: s.networks.join(', ') || 'default (this project only)' },
        note: `${s.name} sets VIRTUAL_HOST=${host.value} for an nginx-proxy that is not in this compose file, but it is only on ${s.networks.length ? s.networks.join(', ') : "this project's default network"}${external.length ? `, not on the external network ${external.join(', ')} declared here` : ''}: nginx-proxy cannot reach the container and answers 502 (it writes "server 127.0.0.1 down;" for it). Add the proxy's network to ${s.name}'s networks.`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
