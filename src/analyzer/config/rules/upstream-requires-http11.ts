/**
 * proxy_pass that goes out as HTTP/1.0 (explicitly, or the default before
 * nginx 1.29.7) to a backend that refuses it. Envoy, and everything built on
 * it (Istio sidecars and gateways, gRPC-Web proxies), answers HTTP/1.0 with
 * 426 Upgrade Required unless told to accept it, and nginx passes the 426 to
 * the client. The paste must show such a backend: a 426, Envoy's log or
 * headers, Istio injection (see parse/http11-evidence.ts), or the location
 * forwarding gRPC content, which only a gRPC-Web proxy can take over HTTP/1.x.
 * WebSocket locations are left to websocket-upgrade.ts.
 */
import { CAUSES } from '../../cause-ids.ts';
import type { Confidence } from '../../types.ts';
import type { Http11Evidence } from '../../parse/http11-evidence.ts';
import { effective, headerValue, proxyHost, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';
import { oldDefaultApplies, versionClause } from './version-note.ts';
import { WS_PATH } from './websocket-upgrade.ts';

const SINCE = '1.29.7';
const CONFIDENCE: Record<Http11Evidence['strength'], Confidence> = { strong: 'high', medium: 'medium', weak: 'low' };
const RANK: Record<Http11Evidence['strength'], number> = { strong: 3, medium: 2, weak: 1 };
const GRPC_CONTENT = /^["']?application\/grpc/i;

/** "/api", "= /api", "^~ /api" → "/api"; regex locations and fragments → undefined. */
const prefixOf = (path: string): string | undefined => /^(?:=\s+|\^~\s+)?(\/\S*)$/.exec(path)?.[1];

export const upstreamRequiresHttp11: ConfigRule = {
  id: 'upstream-requires-http11',
  cause: CAUSES.requiresHttp11,
  title: 'proxy_pass at HTTP/1.0 (the default before nginx 1.29.7) to a backend the paste shows refusing it (426, Envoy, Istio) or carrying gRPC-Web',
  check({ nginx, version, logHints }) {
    if (!nginx) return [];
    // A 426 on a WebSocket path is a missing Upgrade header, not the HTTP version.
    const evidence = (logHints.http11 ?? []).filter((e) => e.uri === undefined || !WS_PATH.test(e.uri));
    const passes = scopesWith(nginx, 'proxy_pass');
    const prefixes = passes.map((p) => (p.location ? prefixOf(p.location.path) : undefined)).filter((x): x is string => x !== undefined);
    const out: ConfigProblem[] = [];
    for (const { scope, directive, location } of passes) {
      if (location && WS_PATH.test(location.path)) continue;
      if (headerValue(scope, 'Upgrade') !== undefined) continue;
      const v = effective(scope, 'proxy_http_version');
      if (v.directive ? v.value !== '1.0' : !oldDefaultApplies(version, SINCE)) continue;
      const prefix = location ? prefixOf(location.path) : undefined;
      // A request path that some proxied prefix location takes belongs to that location only.
      const mine = evidence.filter((e) => e.uri === undefined || prefix === undefined || e.uri.startsWith(prefix) || !prefixes.some((p) => e.uri!.startsWith(p)));
      const best = mine.reduce<Http11Evidence | undefined>((a, e) => (!a || RANK[e.strength] > RANK[a.strength] ? e : a), undefined);
      const contentType = headerValue(scope, 'Content-Type');
      const grpc = contentType !== undefined && GRPC_CONTENT.test(contentType);
      if (!best && !grpc) continue;
      const how = v.directive ? `proxy_http_version 1.0 (input line ${v.directive.line})` : `HTTP/1.0, the default ${versionClause(version, SINCE)}`;
      const upstream = proxyHost(directive.args[0] ?? '');
      const facts: Record<string, string> = { upstream, location: location?.path ?? '', proxy_http_version: v.directive ? '1.0' : '1.0 (default)' };
      if (best) {
        facts.evidenceLine = String(best.line);
        out.push({
          line: directive.line,
          directive: 'proxy_pass',
          facts,
          confidence: CONFIDENCE[best.strength],
          note: `proxy_pass ${directive.args[0]} sends requests as ${how}, and input line ${best.line} shows ${best.what}: Envoy, and what is built on it (Istio sidecars and gateways, gRPC-Web proxies), refuses HTTP/1.0 with 426 Upgrade Required, which nginx passes to the client as it is (it is not a 502 of nginx's own).${best.strength === 'weak' ? ' (If that Envoy is the backend nginx proxies to, not a proxy in front of nginx.)' : ''} Set proxy_http_version 1.1 here.`,
        });
      } else {
        out.push({
          line: directive.line,
          directive: 'proxy_pass',
          facts,
          confidence: 'low',
          note: `location ${location?.path ?? ''} forwards gRPC content (proxy_set_header Content-Type ${contentType}) with proxy_pass ${directive.args[0]} as ${how}. Over HTTP/1.x only a gRPC-Web proxy can take it, and Envoy, the one the grpc-web project documents, refuses HTTP/1.0 with 426 Upgrade Required: set proxy_http_version 1.1 here. (If the backend is the gRPC server itself, it needs HTTP/2: grpc_pass.)`,
        });
      }
    }
    return out;
  },
};
