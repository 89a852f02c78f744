/**
 * Ingress annotations of both controller families mapped to the nginx
 * directives they set: ingress-nginx (`nginx.ingress.kubernetes.io/*`, timeouts
 * are unitless seconds) and NGINX Inc's controller (`nginx.org/*`, nginx time
 * syntax). Snippet annotations are nginx configuration themselves.
 */
import type { ConfigLine } from './parse-nginx.ts';
import type { KubeIngress, Located } from './parse-deploy-yaml.ts';

export const K8S = 'nginx.ingress.kubernetes.io/';
export const ORG = 'nginx.org/';

export interface AnnotationMeaning {
  directive: string;
  /** ingress-nginx timeouts take whole seconds without a unit; "120s" is rejected and the default stays. */
  unitlessSeconds?: boolean;
  /** The controller's own default when the annotation is absent. */
  controllerDefault?: string;
}

/** Annotation suffix → directive, per family. */
export const ANNOTATIONS: Record<string, Record<string, AnnotationMeaning>> = {
  [K8S]: {
    'proxy-connect-timeout': { directive: 'proxy_connect_timeout', unitlessSeconds: true, controllerDefault: '5s' },
    'proxy-read-timeout': { directive: 'proxy_read_timeout', unitlessSeconds: true, controllerDefault: '60s' },
    'proxy-send-timeout': { directive: 'proxy_send_timeout', unitlessSeconds: true, controllerDefault: '60s' },
    'proxy-buffer-size': { directive: 'proxy_buffer_size', controllerDefault: '4k' },
    'proxy-buffers-number': { directive: 'proxy_buffers (number)', controllerDefault: '4' },
    'proxy-body-size': { directive: 'client_max_body_size', controllerDefault: '1m' },
    'proxy-http-version': { directive: 'proxy_http_version', controllerDefault: '1.1' },
    'proxy-next-upstream': { directive: 'proxy_next_upstream', controllerDefault: 'error timeout' },
    'proxy-next-upstream-tries': { directive: 'proxy_next_upstream_tries', controllerDefault: '3' },
    'proxy-ssl-server-name': { directive: 'proxy_ssl_server_name', controllerDefault: 'off' },
    'proxy-ssl-name': { directive: 'proxy_ssl_name' },
    'proxy-ssl-verify': { directive: 'proxy_ssl_verify', controllerDefault: 'off' },
    'backend-protocol': { directive: 'proxy_pass scheme (backend-protocol)', controllerDefault: 'HTTP' },
    'upstream-vhost': { directive: 'proxy_set_header Host' },
  },
  [ORG]: {
    'proxy-connect-timeout': { directive: 'proxy_connect_timeout', controllerDefault: '60s' },
    'proxy-read-timeout': { directive: 'proxy_read_timeout', controllerDefault: '60s' },
    'proxy-send-timeout': { directive: 'proxy_send_timeout', controllerDefault: '60s' },
    'proxy-buffer-size': { directive: 'proxy_buffer_size' },
    'proxy-buffers': { directive: 'proxy_buffers' },
    'proxy-buffering': { directive: 'proxy_buffering', controllerDefault: 'on' },
    'client-max-body-size': { directive: 'client_max_body_size', controllerDefault: '1m' },
    'ssl-services': { directive: 'proxy_pass https:// (ssl-services)' },
    'grpc-services': { directive: 'grpc_pass (grpc-services)' },
    'websocket-services': { directive: 'Upgrade headers (websocket-services)' },
    keepalive: { directive: 'keepalive (upstream)' },
    'max-fails': { directive: 'max_fails', controllerDefault: '1' },
    'fail-timeout': { directive: 'fail_timeout', controllerDefault: '10s' },
  },
};

const SNIPPETS = [`${K8S}configuration-snippet`, `${K8S}server-snippet`, `${ORG}location-snippets`, `${ORG}server-snippets`];

/** The annotation (from either family) that sets `suffix`, with its family prefix. */
export function annotation(ing: KubeIngress, suffix: string): { prefix: string; value: Located<string> } | undefined {
  for (const prefix of [K8S, ORG]) {
    const v = ing.annotations.get(prefix + suffix);
    if (v) return { prefix, value: v };
  }
  return undefined;
}

/** nginx configuration inside snippet annotations, with input line numbers (block scalars start on the next line). */
export function snippetLines(ing: KubeIngress, text: Map<number, string>): ConfigLine[] {
  const out: ConfigLine[] = [];
  for (const key of SNIPPETS) {
    const a = ing.annotations.get(key);
    if (!a) continue;
    const rows = a.value.split('\n');
    const block = /[|>][-+]?\s*$/.test(text.get(a.line) ?? '');
    rows.forEach((r, i) => {
      if (r.trim()) out.push({ line: a.line + (block ? i + 1 : 0), text: r });
    });
  }
  return out;
}
