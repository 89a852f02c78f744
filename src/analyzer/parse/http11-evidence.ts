/**
 * Lines showing that the backend refuses HTTP/1.0, as people paste them next
 * to a config: Envoy's own access-log entry for an HTTP/1.0 request it
 * answered 426 (Istio sidecars log `"GET /x HTTP/1.0" 426 - low_version`), a
 * `426` status line in curl output, Envoy's `server:` / `x-envoy-*` response
 * headers, Istio sidecar injection in pasted YAML. The nginx access log's 426
 * is read from the parsed record (see http11FromAccess). The config rule
 * upstream-requires-http11 pairs them with the effective proxy_http_version.
 */
import type { AccessRecord } from './access-record.ts';

export interface Http11Evidence {
  line: number;
  /** What the line shows, for the finding's note. */
  what: string;
  /**
   * strong: Envoy logged an HTTP/1.0 request it refused with 426;
   * medium: a backend answered 426 (nginx never makes one itself);
   * weak: Envoy or Istio is somewhere in the path, not necessarily behind nginx.
   */
  strength: 'strong' | 'medium' | 'weak';
  /** Request path, when the line has one (to tell WebSocket endpoints apart). */
  uri?: string;
}

/** Envoy's default and Istio's access-log format: `"METHOD /path HTTP/1.0" 426 `. */
const ENVOY_LOG = /"[A-Z]{3,10} (\S{1,2000}) HTTP\/1\.0" 426 /;
/** curl -i / -v: `HTTP/1.1 426 Upgrade Required`, `< HTTP/1.1 426 …`. */
const STATUS_426 = /^\s*(?:<\s?)?HTTP\/\d(?:\.\d)? 426(?:\s|$)/;
/** Envoy's server header (Istio sets "istio-envoy") and the x-envoy-* headers it adds. */
const ENVOY_HEADER = /^\s*(?:<\s?)?(?:server:\s*(?:istio-)?envoy\s*$|x-envoy-[a-z-]{1,40}:)/i;
/** Istio sidecar injection on a namespace or a pod template. */
const ISTIO_INJECTION = /^\s*(?:istio-injection:\s*["']?enabled|sidecar\.istio\.io\/inject:\s*["']?true)\b/;

/** Reads one pasted line (after its shipper prefix, if any); null when it shows nothing of the kind. */
export function http11FromText(t: string, line: number): Http11Evidence | null {
  // Cheap guards first: most lines of a paste mention neither.
  const has426 = t.includes(' 426');
  if (!has426 && !t.includes('nvoy') && !t.includes('istio')) return null;
  if (has426) {
    const e = ENVOY_LOG.exec(t);
    if (e) return { line, what: 'an HTTP/1.0 request answered 426 Upgrade Required (Envoy access log)', strength: 'strong', uri: e[1]!.replace(/\?.*$/, '') };
    if (STATUS_426.test(t)) return { line, what: 'a 426 Upgrade Required response', strength: 'medium' };
  }
  if (ENVOY_HEADER.test(t)) return { line, what: 'an Envoy response header', strength: 'weak' };
  if (ISTIO_INJECTION.test(t)) return { line, what: 'Istio sidecar injection', strength: 'weak' };
  return null;
}

/**
 * An nginx access-log record with status 426: nginx never answers 426 on its
 * own (only a `return 426;` would), so a proxied backend said it.
 */
export function http11FromAccess(rec: AccessRecord, line: number): Http11Evidence | null {
  if (rec.status !== 426) return null;
  const ev: Http11Evidence = { line, what: 'status 426 Upgrade Required in the access log', strength: 'medium' };
  if (rec.uri !== undefined) ev.uri = rec.uri;
  return ev;
}
