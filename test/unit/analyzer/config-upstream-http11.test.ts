/**
 * upstream-requires-http11: proxy_pass going out as HTTP/1.0 to a backend the
 * paste shows refusing it. The log lines are real: the nginx access line and
 * the istio-proxy line from https://github.com/SigNoz/charts/issues/53, the
 * curl response from https://github.com/mosip/esignet/issues/2559. The
 * configurations and the `server: istio-envoy` header line are written for
 * these tests (invented), modelled on those threads.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { http11FromText } from '../../../src/analyzer/parse/http11-evidence.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const RULE = 'upstream-requires-http11';
const byRule = (text: string): Finding[] => analyze(text, { catalog }).findings.filter((f) => f.evidence.some((e) => e.rule === RULE));
const ruleEvidence = (f: Finding) => f.evidence.filter((e) => e.rule === RULE);

const NGINX_426 = '127.0.0.6 - - [11/Jul/2022:08:54:13 +0000] "GET /api/v1/version HTTP/1.1" 426 0 "https://signoz.medosync.intern/login" "Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0" "172.16.0.4"';
const ISTIO_426 = '[2022-07-11T08:47:29.750Z] "GET /api/v1/version HTTP/1.0" 426 - low_version - "-" 0 0 0 - "172.16.0.4" "Mozilla/5.0 (X11; Linux x86_64; rv:102.0) Gecko/20100101 Firefox/102.0" "5ef74ed5-2082-4f89-b23b-5d109c90df59" "mon-signoz-query-service:8080" "-" - - 10.240.0.16:8080 10.240.1.221:37958 - -';
const CURL_426 = ['HTTP/1.1 426 Upgrade Required', 'Content-Type: text/plain', '', 'Upgrade Required'].join('\n');
const API = 'server {\n    listen 80;\n    location /api/ {\n        proxy_pass http://query-service:8080;\n    }\n}\n';

describe('reading the evidence', () => {
  it('reads Envoy\'s HTTP/1.0 426 entry, a 426 status line, Envoy headers and Istio injection', () => {
    expect(http11FromText(ISTIO_426, 1)).toMatchObject({ strength: 'strong', uri: '/api/v1/version' });
    expect(http11FromText('HTTP/1.1 426 Upgrade Required', 2)).toMatchObject({ strength: 'medium' });
    expect(http11FromText('< HTTP/1.1 426 Upgrade Required', 2)).toMatchObject({ strength: 'medium' });
    expect(http11FromText('server: istio-envoy', 3)).toMatchObject({ strength: 'weak' });
    expect(http11FromText('x-envoy-upstream-service-time: 4', 3)).toMatchObject({ strength: 'weak' });
    expect(http11FromText('    istio-injection: enabled', 4)).toMatchObject({ strength: 'weak' });
  });

  it('ignores lines that only look alike', () => {
    for (const t of ['server: nginx/1.22.1', 'HTTP/1.1 200 OK', '"GET /x HTTP/1.1" 426 12', 'proxy_pass http://envoy:8080;', 'listen 8426;', 'istio-injection: disabled']) {
      expect(http11FromText(t, 1), t).toBeNull();
    }
  });
});

describe('upstream-requires-http11', () => {
  it('a 426 in the access log names the proxy_pass that goes out as HTTP/1.0 by default', () => {
    const f = byRule(`${API}\n${NGINX_426}\n`);
    expect(f.map((x) => [x.cause, x.confidence])).toEqual([['upstream-requires-http11', 'medium']]);
    expect(ruleEvidence(f[0]!)[0]!.text).toContain('proxy_pass http://query-service:8080;');
    expect(f[0]!.note).toContain('applies to nginx before 1.29.7');
  });

  it("Envoy's own log entry makes it certain; a pasted curl 426 is as good as the access log", () => {
    expect(byRule(`${API}\n${ISTIO_426}\n`).map((x) => x.confidence)).toEqual(['high']);
    expect(byRule(`${API}\n${CURL_426}\n`).map((x) => x.confidence)).toEqual(['medium']);
  });

  it('an Envoy header alone is weak evidence (that Envoy may be in front of nginx)', () => {
    const f = byRule(`${API}\nserver: istio-envoy\n`);
    expect(f.map((x) => x.confidence)).toEqual(['low']);
    expect(f[0]!.note).toContain('in front of nginx');
  });

  it('names an explicit proxy_http_version 1.0 too', () => {
    const f = byRule(`${API.replace('proxy_pass', 'proxy_http_version 1.0;\n        proxy_pass')}\n${NGINX_426}\n`);
    expect(f).toHaveLength(1);
    expect(f[0]!.note).toContain('proxy_http_version 1.0 (input line 4)');
  });

  it('a location forwarding gRPC content over proxy_pass is a gRPC-Web proxy the paste needs no 426 for (low)', () => {
    const grpc = '    location /grpc {\n        proxy_set_header Content-Type "application/grpc";\n        proxy_pass  http://10.0.0.1;\n    }\n';
    const f = byRule(grpc);
    expect(f.map((x) => [x.cause, x.confidence])).toEqual([['upstream-requires-http11', 'low']]);
    expect(f[0]!.note).toContain('gRPC-Web');
  });

  it('keeps a 426 to the location whose prefix takes the request', () => {
    const two = 'server {\n    location /api/ {\n        proxy_pass http://query-service:8080;\n    }\n    location /static/ {\n        proxy_pass http://frontend:3000;\n    }\n}\n';
    const f = byRule(`${two}\n${NGINX_426}\n`);
    expect(f.flatMap((x) => ruleEvidence(x).map((e) => e.text.trim()))).toEqual(['proxy_pass http://query-service:8080;']);
  });

  it('is silent with proxy_http_version 1.1, on nginx 1.29.7 and later, and without evidence', () => {
    expect(byRule(`${API.replace('proxy_pass', 'proxy_http_version 1.1;\n        proxy_pass')}\n${NGINX_426}\n`)).toEqual([]);
    expect(byRule(`nginx version: nginx/1.29.7\n${API}\n${ISTIO_426}\n`)).toEqual([]);
    expect(byRule(API)).toEqual([]);
  });

  it('says the version when the paste shows an older nginx', () => {
    const f = byRule(`nginx version: nginx/1.28.0\n${API}\n${NGINX_426}\n`);
    expect(f[0]!.note).toContain('nginx 1.28.0');
  });

  it('leaves a 426 on a WebSocket path to the WebSocket rule', () => {
    const root = 'server {\n    location / {\n        proxy_pass http://app:3000;\n    }\n}\n';
    expect(byRule(`${root}\n${NGINX_426.replace('/api/v1/version', '/socket.io/')}\n`)).toEqual([]);
    expect(byRule(`${root}\n${NGINX_426}\n`)).toHaveLength(1);
    const ws = 'server {\n    location /ws/ {\n        proxy_pass http://app:3000;\n    }\n}\n';
    const r = analyze(`${ws}\n${NGINX_426.replace('/api/v1/version', '/ws/')}\n`, { catalog });
    expect(r.findings.map((f) => f.cause)).toEqual(['websocket-upgrade-missing']);
  });

  it("Envoy's log line alone names the cause through the article's signature", () => {
    expect(analyze(ISTIO_426, { catalog }).findings.map((f) => f.cause)).toEqual(['upstream-requires-http11']);
  });
});
