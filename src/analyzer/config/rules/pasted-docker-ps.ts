/**
 * A pass to 127.0.0.1/localhost while a pasted `docker ps` shows nginx itself
 * running in a container: there loopback is the nginx container, not the
 * host nor the backend's container. (Unless that container uses the host's
 * network, which docker ps does not show: hence medium confidence.)
 */
import { CAUSES } from '../../cause-ids.ts';
import { LOOPBACK_HOST, passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const NGINX_IMAGE = /(?:^|\/)(?:nginx|openresty|nginx-proxy|nginx-unprivileged|swag)(?::|$)/;

export const pastedDockerPs: ConfigRule = {
  id: 'pasted-docker-ps',
  cause: CAUSES.dockerNotReachable,
  title: 'a pass to 127.0.0.1/localhost while the pasted docker ps shows nginx in a container',
  check({ nginx, host }) {
    const containers = host.containers ?? [];
    const web = containers.find((c) => NGINX_IMAGE.test(c.image));
    if (!nginx || !web) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    for (const t of passTargets(nginx)) {
      if (t.variable || t.socket || !LOOPBACK_HOST.test(t.host) || seen.has(t.directive.line)) continue;
      seen.add(t.directive.line);
      // The container that publishes or exposes that port is the likely backend.
      const backend = t.port ? containers.find((c) => c !== web && new RegExp(`(?:^|[\\s,:>])${t.port}/tcp`).test(c.ports)) : undefined;
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}`, container: web.name, ...(backend ? { backend: backend.name } : {}) },
        confidence: 'medium',
        note: `docker ps (input line ${web.line}) shows nginx running in container ${web.name} (${web.image}); inside it ${t.host} is that container itself, so ${t.directive.name} ${t.directive.args[0]} reaches no backend unless the container uses the host's network.${backend ? ` Port ${t.port} is container ${backend.name}'s: pass to ${backend.name}:${t.port} on a shared network.` : ' Pass to the backend by its container or service name on a shared network.'}`,
      });
    }
    return out;
  },
};
