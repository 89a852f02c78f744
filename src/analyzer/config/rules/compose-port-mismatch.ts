/**
 * nginx passing to service:PORT where PORT is the *published* (host) side of
 * a mapping such as "8080:3000": between containers only the container port
 * (3000) exists, so the connection is refused.
 */
import { CAUSES } from '../../cause-ids.ts';
import { composeServiceByHost, containerPorts } from './compose-helpers.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const composePortMismatch: ConfigRule = {
  id: 'compose-published-port',
  cause: CAUSES.connectionRefused,
  title: 'pass to a compose service on its published (host) port instead of the container port',
  check({ nginx, deploy }) {
    if (!nginx || !deploy?.compose.length) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (t.variable || !t.port) continue;
      const svc = composeServiceByHost(deploy, t.host);
      if (!svc) continue;
      const inside = containerPorts(svc);
      if (inside.includes(t.port)) continue;
      const mapping = svc.ports.find((p) => p.published === t.port);
      if (!mapping) {
        // Compose lists other ports: the image may still listen there (EXPOSE is informational), so a risk only.
        if (inside.length) out.push({ line: t.directive.line, directive: t.directive.name, facts: { upstream: `${t.host}:${t.port}` }, confidence: 'low', advice: true, note: `${t.directive.name} ${t.directive.args[0]} uses port ${t.port}, but compose shows ${svc.name} on ${inside.join(', ')} only: if the app does not listen on ${t.port} inside its container, connections are refused (502).` });
        continue;
      }
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}:${t.port}`, container_port: mapping.target },
        note: `${t.directive.name} ${t.directive.args[0]} uses port ${t.port}, the host side of "${mapping.published}:${mapping.target}" (input line ${mapping.line}). Containers reach ${svc.name} on its container port ${mapping.target}; nothing listens on ${t.port} inside it, so the connection is refused (502). Use ${t.host}:${mapping.target}.`,
        confidence: 'high',
      });
    }
    return out;
  },
};
