/**
 * Ingress annotation values that do not do what they say: ingress-nginx
 * timeouts with a unit ("120s": rejected, the 60 s default stays) and proxy
 * buffer sizes too small for response headers.
 */
import { CAUSES } from '../../cause-ids.ts';
import { ANNOTATIONS, K8S, ORG } from '../ingress-annotations.ts';
import { parseSize } from '../units.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

const TINY = 4096;

export const ingressAnnotationValues: ConfigRule = {
  id: 'ingress-annotation-values',
  cause: CAUSES.upstreamTimedOut,
  title: 'ingress-nginx timeout annotations with a unit, proxy-buffer-size too small',
  check({ deploy, logHints }) {
    if (!deploy) return [];
    const out: ConfigProblem[] = [];
    const sources = [
      ...deploy.ingresses.map((ing) => ({ where: `Ingress ${ing.name}`, entries: [...ing.annotations].map(([k, v]) => [k, v] as const), configMap: false })),
      { where: 'the controller ConfigMap', entries: [...deploy.controllerConfig].map(([k, v]) => [K8S + k, v] as const), configMap: true },
    ];
    for (const src of sources) {
      let bufferSet = false;
      for (const [key, v] of src.entries) {
        const prefix = key.startsWith(K8S) ? K8S : key.startsWith(ORG) ? ORG : '';
        if (!prefix) continue;
        const suffix = key.slice(prefix.length);
        const meaning = ANNOTATIONS[prefix]![suffix];
        if (!meaning) continue;
        const shown = src.configMap ? suffix : key;
        if (meaning.unitlessSeconds && !/^\s*\d+\s*$/.test(v.value)) {
          out.push({
            line: v.line,
            directive: suffix,
            kind: 'deploy-config',
            facts: { annotation: shown, value: v.value, timeout: meaning.controllerDefault ?? '' },
            note: `${shown}: "${v.value}" in ${src.where}: ingress-nginx takes whole seconds without a unit here and ignores anything else, so ${meaning.directive} stays at its default ${meaning.controllerDefault}; requests slower than that still get 504 "upstream timed out". Write "${parseInt(v.value, 10) * (/m/.test(v.value) ? 60 : 1) || 'N'}".`,
            confidence: 'high',
          });
        }
        if (suffix === 'proxy-buffer-size') {
          bufferSet = true;
          const size = parseSize(v.value.trim());
          if (size !== undefined && size < TINY) {
            out.push({ line: v.line, directive: suffix, kind: 'deploy-config', facts: { annotation: shown, value: v.value }, confidence: 'medium', cause: CAUSES.tooBigHeader, note: `${shown}: "${v.value}" in ${src.where} is ${size} bytes for the whole response header: ordinary cookies exceed it and nginx answers 502 "upstream sent too big header". Use 8k–16k (with a unit).` });
          }
        }
      }
      // NGINX Inc's controller sets only proxy_buffer_size: above 8k the default proxy_buffers (8 4k) cannot hold the busy buffers.
      const orgSize = src.entries.find(([k]) => k === `${ORG}proxy-buffer-size`);
      const orgBuffers = src.entries.find(([k]) => k === `${ORG}proxy-buffers`);
      const orgBytes = orgSize ? parseSize(orgSize[1].value.trim()) : undefined;
      if (orgSize && !orgBuffers && orgBytes !== undefined && 2 * orgBytes > 7 * 4096) {
        out.push({ line: orgSize[1].line, directive: 'proxy-buffer-size', kind: 'deploy-config', facts: { annotation: orgSize[0], value: orgSize[1].value }, confidence: 'high', cause: CAUSES.nginxNotRunning, note: `${orgSize[0]}: ${orgSize[1].value} without nginx.org/proxy-buffers leaves proxy_buffers at 8 4k: proxy_busy_buffers_size (2 × ${orgSize[1].value}) no longer fits in all buffers minus one, nginx -t fails and the controller keeps the old configuration (or rejects the Ingress). Set nginx.org/proxy-buffers: "8 ${orgSize[1].value}" too.` });
      }
      if (!bufferSet && !src.configMap && logHints.tooBigHeader > 0 && src.entries.length) {
        const first = src.entries[0]![1];
        out.push({ line: first.line, directive: 'annotations', kind: 'deploy-config', facts: { value: '4k (controller default)' }, confidence: 'high', cause: CAUSES.tooBigHeader, note: `${src.where} leaves proxy-buffer-size at the controller default (4k) and the log shows "upstream sent too big header" ${logHints.tooBigHeader} time(s): set nginx.ingress.kubernetes.io/proxy-buffer-size: "16k" (nginx.org/proxy-buffer-size for NGINX's controller).` });
      }
    }
    return out;
  },
};
