/** gRPC backends reached with proxy_pass (HTTP/1.x): gRPC needs grpc_pass (HTTP/2). */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets, TLS_PORTS } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const grpcOverProxyPass: ConfigRule = {
  id: 'grpc-over-proxy-pass',
  cause: CAUSES.grpcToHttp1,
  title: 'proxy_pass to a gRPC backend (port 50051, a gRPC-named upstream)',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const seen = new Set<number>();
    for (const t of passTargets(nginx)) {
      if (t.pass !== 'proxy_pass' || t.variable) continue;
      const grpcish = t.port === '50051' || /grpc/i.test(t.group ?? t.host);
      if (!grpcish) continue;
      const line = t.group ? t.scope.directives.find((d) => d.name === 'proxy_pass')?.line ?? t.directive.line : t.directive.line;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push({
        line,
        directive: 'proxy_pass',
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}` },
        note: `${t.group ? `upstream ${t.group}` : `${t.host}:${t.port}`} looks like a gRPC backend but is reached with proxy_pass, which speaks HTTP/1.x: a gRPC server answers with an HTTP/2 preface or closes, and nginx returns 502 ("upstream sent no valid HTTP/1.0 header" / "prematurely closed"). Use grpc_pass grpc://… (grpcs:// for TLS) in a server with http2 enabled.`,
        confidence: 'medium',
      });
    }
    // grpc_pass grpc:// (cleartext h2c) to a TLS port, or grpcs:// to a cleartext/HTTP port.
    for (const t of passTargets(nginx)) {
      if (t.pass !== 'grpc_pass' || t.variable || !t.port) continue;
      const tlsPort = TLS_PORTS.has(t.port);
      const httpPort = t.port === '80' || t.port === '8080';
      if (t.scheme === 'grpc' && tlsPort) out.push({ line: t.directive.line, directive: 'grpc_pass', facts: { upstream: `${t.host}:${t.port}` }, confidence: 'medium', note: `grpc_pass grpc://${t.host}:${t.port} speaks cleartext HTTP/2 to port ${t.port}, where backends terminate TLS: the backend reads garbage and closes (502). Use grpcs://.` });
      else if (httpPort) out.push({ line: t.directive.line, directive: 'grpc_pass', facts: { upstream: `${t.host}:${t.port}` }, confidence: 'low', note: `grpc_pass to ${t.host}:${t.port}, a port that usually serves HTTP/1.x (a REST API, a health page): nginx logs "upstream sent too large http2 frame" and answers 502. Point grpc_pass at the gRPC port, or use proxy_pass for an HTTP/1 API.` });
    }
    return out;
  },
};
