/**
 * The tolerant config model and the new inputs: posted cuts, lost
 * semicolons, fragments, includes that were not pasted, nginx versions,
 * default changes by version, compose / Kubernetes YAML, uWSGI ini and
 * command lines — and that the analyzer finds them in a mixed paste.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNginxConfig } from '../../../src/analyzer/config/parse-nginx.ts';
import { buildModel } from '../../../src/analyzer/config/model.ts';
import { parseFpmConfig } from '../../../src/analyzer/config/parse-fpm.ts';
import { atLeast, compareVersions, sniffNginxVersion } from '../../../src/analyzer/config/nginx-version.ts';
import { defaultFor } from '../../../src/analyzer/config/version-defaults.ts';
import { parseDeployYaml } from '../../../src/analyzer/config/parse-deploy-yaml.ts';
import { parseUwsgiCommand, parseUwsgiIni, uwsgiListeners } from '../../../src/analyzer/config/parse-uwsgi.ts';
import { analyze } from '../../../src/analyzer/index.ts';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';

const L = (t: string) => t.split('\n').map((text, i) => ({ line: i + 1, text }));
const catalog = fixtureCatalog();

describe('tolerant nginx parsing', () => {
  it('drops posted ellipses and lists their lines', () => {
    const p = parseNginxConfig(L('server {\n    listen 80;\n    ...\n    location / {\n        proxy_pass http://app; …\n    }\n    # ...\n}'));
    expect(p.elided).toEqual([3, 5]);
    const names = JSON.stringify(p.directives);
    expect(names).not.toContain('"..."');
    expect(buildModel(p.directives).locations[0]!.scope.directives.map((d) => d.name)).toEqual(['proxy_pass']);
  });

  it('ends a directive that lost its ";" when the next line starts with a known directive', () => {
    const p = parseNginxConfig(L('location / {\n    proxy_pass http://app\n    proxy_set_header Host $host;\n}'));
    const loc = p.directives[0]!.block!;
    expect(loc.map((d) => [d.name, d.args])).toEqual([['proxy_pass', ['http://app']], ['proxy_set_header', ['Host', '$host']]]);
    expect(p.warnings.join()).toMatch(/"proxy_pass" at line 2 is not terminated/);
    // Continuation lines of a multi-line value are not split.
    const lf = parseNginxConfig(L("log_format main '$remote_addr'\n    '$status';"));
    expect(lf.directives).toHaveLength(1);
  });

  it('lists includes that were not pasted, but not stock files', () => {
    const p = parseNginxConfig(L('http {\n    include mime.types;\n    include /etc/nginx/conf.d/*.conf;\n    include fastcgi_params;\n}'));
    expect(p.missingIncludes.map((d) => d.args[0])).toEqual(['/etc/nginx/conf.d/*.conf']);
  });

  it('in an nginx -T dump a glob include that matched nothing is an empty directory, not a gap', () => {
    const p = parseNginxConfig(L('# configuration file /etc/nginx/nginx.conf:\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/extra.conf;\n}'));
    expect(p.missingIncludes.map((d) => d.args[0])).toEqual(['/etc/nginx/extra.conf']);
  });

  it('a lone pass line forms a location of its own; a pool body without its header is a pool', () => {
    const m = buildModel(parseNginxConfig(L('proxy_pass http://localhost:8000')).directives);
    expect(m.fragment).toBe(true);
    expect(m.locations[0]!.scope.directives[0]!.args).toEqual(['http://localhost:8000']);
    const f = parseFpmConfig(L('listen = /run/php/php8.2-fpm.sock\nlisten.mode = 0660'));
    expect(f.pools.map((p) => p.name)).toEqual(['(pasted pool)']);
  });
});

describe('nginx versions and default changes', () => {
  it('reads the version from nginx -v, a Server header, the error page footer, image tags', () => {
    expect(sniffNginxVersion('nginx version: nginx/1.22.1', 1)).toMatchObject({ version: '1.22.1', source: 'nginx -v' });
    expect(sniffNginxVersion('Server: nginx/1.18.0 (Ubuntu)', 2)).toMatchObject({ version: '1.18.0' });
    expect(sniffNginxVersion('<hr><center>nginx/1.25.3</center>', 3)).toMatchObject({ version: '1.25.3', source: 'error page footer' });
    expect(sniffNginxVersion('    image: nginx:1.27-alpine', 4)).toMatchObject({ version: '1.27', source: 'image tag' });
    expect(sniffNginxVersion('    image: registry.k8s.io/ingress-nginx/controller:v1.9.4@sha256:abc', 5)).toMatchObject({ below: '1.27.3' });
    expect(sniffNginxVersion('2026/11/22 [error] nginx ready', 6)).toBeNull();
  });

  it('compares releases numerically and tells what a bound settles', () => {
    expect(compareVersions('1.9.13', '1.19.10')).toBe(-1);
    expect(atLeast({ version: '1.29.7', source: '', line: 1 }, '1.29.7')).toBe(true);
    expect(atLeast({ below: '1.27.3', source: '', line: 1 }, '1.29.7')).toBe(false);
    expect(atLeast(null, '1.29.7')).toBeUndefined();
  });

  it('gives the default for the input version, or says it varies', () => {
    expect(defaultFor('proxy_http_version', '1.1', { version: '1.22.1', source: '', line: 1 })).toEqual({ value: '1.0', changedIn: '1.29.7' });
    expect(defaultFor('proxy_http_version', '1.1', { version: '1.30.0', source: '', line: 1 })).toEqual({ value: '1.1' });
    expect(defaultFor('proxy_http_version', '1.1', null)).toEqual({ value: '1.1', varies: '1.1 since nginx 1.29.7, 1.0 before' });
    expect(defaultFor('proxy_ssl_protocols', 'TLSv1.2 TLSv1.3', { version: '1.22.1', source: '', line: 1 })).toEqual({ value: 'TLSv1 TLSv1.1 TLSv1.2', changedIn: '1.23.4' });
    expect(defaultFor('proxy_ssl_protocols', 'TLSv1.2 TLSv1.3', { version: '1.24.0', source: '', line: 1 })).toEqual({ value: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3', changedIn: '1.27.3' });
    expect(defaultFor('keepalive_requests', '1000', { version: '1.18.0', source: '', line: 1 })).toEqual({ value: '100', changedIn: '1.19.10' });
  });
});

describe('deploy YAML and uWSGI', () => {
  it('reads compose ports, env lists, networks, external networks and Ingress backends with input lines', () => {
    const d = parseDeployYaml(L('services:\n  app:\n    image: node:20\n    ports:\n      - "127.0.0.1:8080:3000/tcp"\n    environment:\n      VIRTUAL_PORT: "3000"\n    networks: [proxy]\nnetworks:\n  proxy:\n    external: true'));
    const app = d.compose[0]!.services.get('app')!;
    expect(app.ports).toEqual([{ published: '8080', target: '3000', line: 5 }]);
    expect(app.env.get('VIRTUAL_PORT')).toEqual({ value: '3000', line: 7 });
    expect(app.networks).toEqual(['proxy']);
    expect(d.composeExternalNetworks).toEqual(['proxy']);
    const ing = parseDeployYaml(L('apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: web\n          servicePort: 8080'));
    expect(ing.ingresses[0]!.backends).toEqual([{ host: undefined, path: undefined, service: 'web', port: '8080', line: 9 }]);
  });

  it('random YAML, uWSGI, nginx and pool fragments never throw nor break a rule (property)', () => {
    const token = fc.constantFrom('services:', '  app:', '    image: nginx:1.25', '    ports:', '      - "80:80"', '- ', ': ', '{', '[', '"', "'", 'kind: Ingress', 'apiVersion: v1', '---', '\t', '&a', '*a', '!!str', '[uwsgi]', 'socket = :8000', 'uwsgi --http', '--socket=',
      'server {', 'upstream a {', 'location / {', '}', ';', 'proxy_pass', 'http://$host', 'https://10.0.0.1:80', 'fastcgi_pass', 'unix:/tmp/x.sock', 'uwsgi_pass', 'grpc_pass grpc://a:443', 'server 127.0.0.1 down', 'keepalive 9999', 'resolver localhost', 'set $a b', 'proxy_buffer_size 64k', 'worker_connections 1', 'events {', '...', 'user nginx', '[www]', 'listen = 9000', 'listen.allowed_clients = 127.0.0.1', 'VIRTUAL_PORT=1', '  environment:', 'nginx.org/proxy-buffer-size: 64k', 'nginx version: nginx/1.2');
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
        const text = parts.join(parts.length % 2 ? '\n' : ' ');
        const d = parseDeployYaml(L(text));
        expect(Array.isArray(d.warnings)).toBe(true);
        parseUwsgiIni(L(text));
        parseUwsgiCommand({ line: 1, text });
        const r = analyze(text, { catalog });
        expect(r.warnings.some((w) => /failed on this input|could not be checked/.test(w))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('invalid YAML is a warning, never an exception', () => {
    const d = parseDeployYaml(L('services:\n  app: [unclosed\n    image: x'));
    expect(d.warnings.length).toBeGreaterThan(0);
  });

  it('uWSGI ini and command lines give their listeners and protocols', () => {
    expect(uwsgiListeners(parseUwsgiIni(L('[uwsgi]\nsocket = :8000\nprotocol = http')))).toEqual([{ protocol: 'http', address: ':8000', option: 'socket', line: 2 }]);
    const cmd = parseUwsgiCommand({ line: 7, text: 'CMD ["uwsgi", "--http=:9090", "--module", "app:app", "--master"]' });
    expect(cmd.options.get('http')).toEqual({ value: ':9090', line: 7 });
    expect(cmd.options.get('master')?.value).toBe('true');
    expect(uwsgiListeners(cmd)).toEqual([{ protocol: 'http', address: ':9090', option: 'http', line: 7 }]);
  });
});

describe('the analyzer finds the new inputs in a mixed paste', () => {
  it('claims YAML, uWSGI and nginx lines with their kinds and reports the explanation', () => {
    const lines: string[] = [];
    const r = analyze(
      [
        'nginx version: nginx/1.24.0',
        'location / {',
        '    include uwsgi_params;',
        '    uwsgi_pass 127.0.0.1:8000;',
        '}',
        'uwsgi --http :8000 --module app:app',
        'services:',
        '  web:',
        '    image: nginx:1.24',
      ].join('\n'),
      { catalog, onLine: (l) => lines.push(l.kind) },
    );
    expect(lines).toEqual(['unknown', 'nginx-config', 'nginx-config', 'nginx-config', 'nginx-config', 'uwsgi-config', 'deploy-config', 'deploy-config', 'deploy-config']);
    expect(r.findings.map((f) => f.cause)).toContain('uwsgi-protocol-mismatch');
    expect(r.config?.version).toBe('nginx 1.24.0 (nginx -v, input line 1)');
    expect(r.config?.explain.find((e) => e.directive === 'uwsgi_pass')).toMatchObject({ value: '127.0.0.1:8000', line: 4 });
    expect(r.config?.explain.find((e) => e.directive === 'uwsgi_read_timeout')).toMatchObject({ value: '60s (default)', default: '60s' });
  });

  it('uwsgi_pass with uWSGI at its default buffer-size is advice, not a finding; buffer-size 32768 is silent', () => {
    const base = 'location / {\n    include uwsgi_params;\n    uwsgi_pass 127.0.0.1:8000;\n}\n[uwsgi]\nsocket = 127.0.0.1:8000\n';
    const r = analyze(base, { catalog });
    expect(r.findings).toEqual([]);
    expect(r.config?.advice.map((a) => a.text).join()).toMatch(/buffer-size is 4096 \(default\)/);
    expect(analyze(`${base}buffer-size = 32768`, { catalog }).config?.advice).toEqual([]);
  });

  it('a report without configuration has no config field', () => {
    expect(analyze('hello world', { catalog }).config).toBeUndefined();
  });
});
