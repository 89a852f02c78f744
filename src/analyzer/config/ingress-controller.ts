/**
 * Which Kubernetes ingress controller the input shows (an image in
 * `kubectl describe`, a Deployment or a Helm value): the community's
 * ingress-nginx reads `nginx.ingress.kubernetes.io/*` annotations, NGINX Inc's
 * controller (nginx/nginx-ingress, nginx-plus-ingress) reads `nginx.org/*` and
 * ignores the other family. The two are often confused because both are
 * "the nginx ingress controller".
 */

export interface IngressController {
  family: 'nginx.org' | 'ingress-nginx';
  image: string;
  line: number;
}

const NGINX_INC = /(?:^|[\s"'/=:])((?:[\w.-]+\/)*nginx\/nginx-(?:plus-)?ingress(?::[\w.-]+)?)(?=$|[\s"',@])/;
const COMMUNITY = /((?:[\w.-]+\/)*ingress-nginx\/controller(?::v?[\w.-]+)?)(?=$|[\s"',@])/;

export function sniffIngressController(text: string, line: number): IngressController | null {
  if (!text.includes('ingress')) return null;
  const inc = NGINX_INC.exec(text);
  if (inc) return { family: 'nginx.org', image: inc[1]!, line };
  const com = COMMUNITY.exec(text);
  if (com) return { family: 'ingress-nginx', image: com[1]!, line };
  return null;
}
