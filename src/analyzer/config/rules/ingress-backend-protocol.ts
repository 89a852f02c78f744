/**
 * Ingress backend protocol vs the Service port: ingress-nginx's
 * backend-protocol / nginx.org's ssl-services and grpc-services must say what
 * the pod speaks on that port.
 */
import { CAUSES, type EngineCause } from '../../cause-ids.ts';
import { annotation } from '../ingress-annotations.ts';
import type { KubeIngress, KubeService } from '../parse-deploy-yaml.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

type Proto = 'http' | 'https' | 'grpc';

/** What the Service port says it speaks: by appProtocol, name, or well-known number. */
function servicePortProtocol(svc: KubeService | undefined, port: string): { proto: Proto; why: string } | null {
  const p = svc?.ports.find((x) => x.port === port || x.name === port);
  const hint = `${p?.appProtocol ?? ''} ${p?.name ?? ''}`.toLowerCase();
  const num = p?.port ?? port;
  const target = p?.targetPort ?? '';
  if (/grpc|h2c/.test(hint) || num === '50051' || target === '50051') return { proto: 'grpc', why: `port ${num}${p?.name ? ` (${p.name})` : ''}` };
  if (/https|tls|ssl/.test(hint) || num === '443' || num === '8443' || target === '443' || target === '8443') return { proto: 'https', why: `port ${num}${p?.name ? ` (${p.name})` : ''}` };
  if (/\bhttp\b|^http/.test(hint.trim()) || num === '80' || num === '8080') return { proto: 'http', why: `port ${num}${p?.name ? ` (${p.name})` : ''}` };
  return null;
}

function declared(ing: KubeIngress, service: string): { proto: Proto; line: number; text: string } {
  const bp = annotation(ing, 'backend-protocol');
  if (bp) {
    const v = bp.value.value.toUpperCase();
    return { proto: v.startsWith('GRPC') ? 'grpc' : v === 'HTTPS' ? 'https' : 'http', line: bp.value.line, text: `backend-protocol: ${bp.value.value}` };
  }
  const list = (k: string): boolean => (annotation(ing, k)?.value.value ?? '').split(',').map((s) => s.trim()).includes(service);
  const ssl = annotation(ing, 'ssl-services');
  if (ssl && list('ssl-services')) return { proto: 'https', line: ssl.value.line, text: `ssl-services: ${ssl.value.value}` };
  const grpc = annotation(ing, 'grpc-services');
  if (grpc && list('grpc-services')) return { proto: 'grpc', line: grpc.value.line, text: `grpc-services: ${grpc.value.value}` };
  return { proto: 'http', line: ing.line, text: 'no backend-protocol annotation (HTTP)' };
}

const CAUSE_FOR: Record<string, EngineCause> = {
  'https>http': CAUSES.sslWrongVersion,
  'http>https': CAUSES.upstreamNotHttp,
  'http>grpc': CAUSES.grpcToHttp1,
  'https>grpc': CAUSES.grpcToHttp1,
  'grpc>http': CAUSES.grpcToHttp1,
  'grpc>https': CAUSES.grpcToHttp1,
};

export const ingressBackendProtocol: ConfigRule = {
  id: 'ingress-backend-protocol',
  cause: CAUSES.upstreamNotHttp,
  title: 'Ingress backend-protocol / ssl-services / grpc-services vs the Service port',
  check({ deploy }) {
    if (!deploy) return [];
    const out: ConfigProblem[] = [];
    for (const ing of deploy.ingresses) {
      for (const b of ing.backends) {
        const svc = deploy.services.find((s) => s.name === b.service);
        const actual = servicePortProtocol(svc, b.port);
        if (!actual) continue;
        const d = declared(ing, b.service);
        if (d.proto === actual.proto) continue;
        const cause = CAUSE_FOR[`${d.proto}>${actual.proto}`];
        if (!cause) continue;
        out.push({
          line: d.line === ing.line ? b.line : d.line,
          directive: d.line === ing.line ? 'backend' : 'backend-protocol',
          kind: 'deploy-config',
          facts: { ingress: ing.name, service: `${b.service}:${b.port}`, declared: d.proto, port_speaks: actual.proto },
          note: `Ingress ${ing.name} sends ${d.proto.toUpperCase()} to ${b.service} ${actual.why}, which speaks ${actual.proto.toUpperCase()} (${d.text}): the controller's nginx fails the exchange and answers 502. Set nginx.ingress.kubernetes.io/backend-protocol: "${actual.proto === 'grpc' ? 'GRPC' : actual.proto.toUpperCase()}" (nginx.org: ${actual.proto === 'https' ? 'ssl-services' : actual.proto === 'grpc' ? 'grpc-services' : 'remove it from ssl-services'}), or use the Service's ${d.proto} port.`,
          confidence: svc ? 'high' : 'medium',
          cause,
        });
      }
    }
    return out;
  },
};
