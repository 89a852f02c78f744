/**
 * Kubernetes objects pasted together that cannot have ready endpoints: an
 * Ingress backend naming a Service or port that is not there, or a Service
 * whose selector matches no pasted workload's pod labels.
 */
import { CAUSES } from '../../cause-ids.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const kubeServiceEndpoints: ConfigRule = {
  id: 'kube-service-endpoints',
  cause: CAUSES.k8sNoEndpoints,
  title: 'Ingress backend Service/port missing, Service selector matching no pod labels',
  check({ deploy }) {
    if (!deploy || (deploy.services.length === 0 && deploy.ingresses.length === 0)) return [];
    const out: ConfigProblem[] = [];
    if (deploy.services.length) {
      for (const ing of deploy.ingresses) {
        for (const b of ing.backends) {
          const svc = deploy.services.find((s) => s.name === b.service);
          if (!svc) {
            out.push({ line: b.line, directive: 'service', kind: 'deploy-config', facts: { ingress: ing.name, service: b.service, services: deploy.services.map((s) => s.name).join(', ') }, confidence: 'medium', note: `Ingress ${ing.name} routes to Service "${b.service}", which is not among the pasted Services (${deploy.services.map((s) => s.name).join(', ')}): the controller has no endpoints for it and answers 503. Check the name (and namespace).` });
          } else if (b.port && !svc.ports.some((p) => p.port === b.port || p.name === b.port)) {
            out.push({ line: b.line, directive: 'port', kind: 'deploy-config', facts: { ingress: ing.name, service: b.service, port: b.port, service_ports: svc.ports.map((p) => p.name ?? p.port).join(', ') }, confidence: 'high', note: `Ingress ${ing.name} uses port ${b.port} of Service ${b.service}, which has ${svc.ports.map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ')}: no endpoints for that port, so the controller answers 503/502. Use the Service's port (not the container port).` });
          }
        }
      }
    }
    if (deploy.workloads.length) {
      for (const svc of deploy.services) {
        if (svc.selector.size === 0) continue;
        const match = deploy.workloads.filter((w) => [...svc.selector].every(([k, v]) => w.labels.get(k) === v));
        if (match.length === 0) {
          out.push({ line: svc.line, directive: 'selector', kind: 'deploy-config', facts: { service: svc.name, selector: [...svc.selector].map(([k, v]) => `${k}=${v}`).join(',') }, confidence: 'medium', note: `Service ${svc.name} selects ${[...svc.selector].map(([k, v]) => `${k}=${v}`).join(', ')}, but no pasted workload's pod template has those labels (${deploy.workloads.map((w) => `${w.name}: ${[...w.labels].map(([k, v]) => `${k}=${v}`).join(', ') || 'none'}`).join('; ')}): the Service has no endpoints and the ingress answers 503.` });
          continue;
        }
        const ports = match.flatMap((w) => w.containerPorts.map((p) => p.value));
        if (ports.length === 0) continue;
        for (const p of svc.ports) {
          const target = p.targetPort ?? p.port;
          if (target && !ports.includes(target)) {
            out.push({ line: p.line, directive: 'targetPort', kind: 'deploy-config', facts: { service: svc.name, target_port: target, container_ports: ports.join(', ') }, confidence: 'medium', cause: CAUSES.connectionRefused, note: `Service ${svc.name} sends port ${p.port} to targetPort ${target}, but the selected pods declare ${ports.join(', ')}: nothing listens on ${target} in the pod, so connections are refused (502).` });
          }
        }
      }
    }
    return out;
  },
};
