/**
 * Ingress annotations of the other controller family: NGINX Inc's controller
 * (nginx/nginx-ingress) ignores nginx.ingress.kubernetes.io/* and the
 * community's ingress-nginx ignores nginx.org/*. An ignored backend-protocol /
 * ssl-services leaves the controller speaking plain HTTP to a backend that
 * expects TLS (or gRPC). Needs the controller's image in the input
 * (`kubectl describe pod`, the Deployment, Helm values).
 */
import { CAUSES } from '../../cause-ids.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const K8S = 'nginx.ingress.kubernetes.io/';
const ORG = 'nginx.org/';

export const ingressControllerFamily: ConfigRule = {
  id: 'ingress-controller-family',
  cause: CAUSES.upstreamNotHttp,
  title: "Ingress annotations of the other controller family (ignored by the controller the input shows)",
  check({ deploy, controller }) {
    if (!deploy || !controller) return [];
    const foreign = controller.family === 'nginx.org' ? K8S : ORG;
    const own = controller.family === 'nginx.org' ? ORG : K8S;
    const who = controller.family === 'nginx.org' ? "NGINX Inc's controller" : 'the community ingress-nginx controller';
    const out: ConfigProblem[] = [];
    for (const ing of deploy.ingresses) {
      const ignored = [...ing.annotations].filter(([k]) => k.startsWith(foreign));
      if (ignored.length === 0) continue;
      const protocol = ignored.find(([k, v]) => (k === `${K8S}backend-protocol` && /^(?:HTTPS|GRPCS?)$/i.test(v.value.trim())) || k === `${ORG}ssl-services` || k === `${ORG}grpc-services`);
      // The controller's own family already says the same thing: nothing is lost.
      const ownSaysIt = [...ing.annotations.keys()].some((k) => k === `${own}ssl-services` || k === `${own}grpc-services` || k === `${own}backend-protocol`);
      const base = `${who} (${controller.image}, input line ${controller.line}) ignores ${foreign}* annotations`;
      if (protocol && !ownSaysIt) {
        const [k, v] = protocol;
        const grpc = /grpc/i.test(k) || /^GRPC/i.test(v.value.trim());
        out.push({
          line: v.line,
          directive: k,
          kind: 'deploy-config',
          cause: grpc ? CAUSES.grpcToHttp1 : CAUSES.upstreamNotHttp,
          facts: { annotation: k, value: v.value, controller: controller.image },
          note: `${base}: ${k}: "${v.value}" on Ingress ${ing.name} does nothing, so the controller proxies plain HTTP${grpc ? '/1.1' : ''} to a backend that expects ${grpc ? 'gRPC' : 'TLS'} (the backend logs a plain "http request" on its TLS port; nginx answers 502). Use ${controller.family === 'nginx.org' ? `nginx.org/${grpc ? 'grpc' : 'ssl'}-services: "<service name>"` : `nginx.ingress.kubernetes.io/backend-protocol: "${grpc ? 'GRPC' : 'HTTPS'}"`}.`,
          confidence: 'high',
        });
      } else {
        const [k, v] = ignored[0]!;
        out.push({ line: v.line, advice: true, facts: {}, confidence: 'medium', note: `${base}: ${ignored.map(([x]) => x).slice(0, 4).join(', ')} on Ingress ${ing.name} ${ignored.length > 1 ? 'have' : 'has'} no effect (first: ${k}). Use the ${own}* equivalents.` });
      }
    }
    return out;
  },
};
