/**
 * Config + the error line pasted with it: the cross-check rules
 * (log-loopback-in-container, log-pool-loopback, log-socket-missing) and the
 * ingress controller seen in the paste (ingress-controller-family). Inputs are
 * the corpus cases' verbatim pastes (test/fixtures/configs/real); each rule
 * has a positive case and the fixed version (or the same paste without the
 * deciding line) as its negative.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, type Finding } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { isDockerGateway, parseConnectFailure } from '../../../src/analyzer/parse/connect-failure.ts';
import { sniffIngressController } from '../../../src/analyzer/config/ingress-controller.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const real = (c: string, f: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/configs/real/broken/${c}/${f}`, import.meta.url)), 'utf8');
const paste = (...parts: string[]): string => parts.map((p) => p.replace(/\n?$/, '\n')).join('\n');
const byRule = (text: string, rule: string): Finding[] => analyze(text, { catalog }).findings.filter((f) => f.evidence.some((e) => e.rule === rule));

describe('connect() failure lines', () => {
  it('reads errno, upstream, socket and client from the forms users paste', () => {
    expect(parseConnectFailure(real('20-fastcgi-pass-loopback-in-container', 'posted.log'), 1)).toEqual({ line: 1, errno: 111, host: '127.0.0.1', port: '9000', client: '172.17.0.1' });
    expect(parseConnectFailure(real('03-proxy-pass-localhost-ipv6-gunicorn', 'posted.log'), 4)).toMatchObject({ line: 4, errno: 111, host: '[::1]', port: '8000', client: '10.244.11.165' });
    const unix = parseConnectFailure('2020/09/26 00:34:14 [crit] 505364#505364: *154 connect() to unix:/run/php/php7.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 192.168.1.1, server: example.com, request: "GET / HTTP/2.0", upstream: "fastcgi://unix:/run/php/php7.2-fpm.sock:", host: "example.com"', 2);
    expect(unix).toMatchObject({ errno: 2, socket: '/run/php/php7.2-fpm.sock', client: '192.168.1.1' });
    expect(parseConnectFailure('upstream timed out (110: Connection timed out) while reading response header', 1)).toBeNull();
  });

  it('knows Docker bridge gateways from other private addresses', () => {
    expect(isDockerGateway('172.17.0.1')).toBe(true);
    expect(isDockerGateway('172.19.0.1')).toBe(true);
    expect(isDockerGateway('172.19.0.3')).toBe(false);
    expect(isDockerGateway('10.0.0.1')).toBe(false);
    expect(isDockerGateway(undefined)).toBe(false);
  });
});

describe('log-loopback-in-container', () => {
  const conf = real('20-fastcgi-pass-loopback-in-container', 'broken.conf');
  const log = real('20-fastcgi-pass-loopback-in-container', 'posted.log');

  it('names the fastcgi_pass line when the refused loopback pass came from a Docker gateway client', () => {
    const f = byRule(paste(conf, log), 'log-loopback-in-container');
    expect(f.map((x) => x.cause)).toEqual(['docker-container-not-reachable']);
    const e = f[0]!.evidence.find((x) => x.rule === 'log-loopback-in-container')!;
    expect(e.text).toContain('fastcgi_pass   127.0.0.1:9000;');
  });

  it('stays silent on the fixed version, without the log, and for a client that is not a gateway', () => {
    expect(byRule(paste(real('20-fastcgi-pass-loopback-in-container', 'fixed.conf'), log), 'log-loopback-in-container')).toEqual([]);
    expect(byRule(conf, 'log-loopback-in-container')).toEqual([]);
    expect(byRule(paste(conf, log.replace('client: 172.17.0.1', 'client: 203.0.113.7')), 'log-loopback-in-container')).toEqual([]);
  });
});

describe('log-pool-loopback', () => {
  const pool = real('45-pool-listens-on-container-loopback', 'broken.conf');
  const log = real('45-pool-listens-on-container-loopback', 'posted.log');

  it('names the pool listen line when nginx was refused at another address on that port', () => {
    const f = byRule(paste(pool, log), 'log-pool-loopback');
    expect(f.map((x) => x.cause)).toEqual(['upstream-bound-to-wrong-interface']);
    expect(f[0]!.evidence.find((x) => x.rule === 'log-pool-loopback')!.text).toBe('listen = 127.0.0.1:9000');
  });

  it('stays silent on the fixed pool (listen = 9000) and when the refused address is loopback', () => {
    expect(byRule(paste(real('45-pool-listens-on-container-loopback', 'fixed.conf'), log), 'log-pool-loopback')).toEqual([]);
    expect(byRule(paste(pool, log.replace('fastcgi://172.19.0.3:9000', 'fastcgi://127.0.0.1:9000')), 'log-pool-loopback')).toEqual([]);
  });
});

describe('log-socket-missing', () => {
  // The nginx line as documented in pterodactyl/panel#913 and the error line from pterodactyl/panel#2419 (same documentation, next PHP version).
  const log = '2020/09/26 00:34:14 [crit] 505364#505364: *154 connect() to unix:/run/php/php7.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 192.168.1.1, server: example.com, request: "GET / HTTP/2.0", upstream: "fastcgi://unix:/run/php/php7.2-fpm.sock:", host: "example.com"';
  const conf = (v: string): string => `location ~ \\.php$ {\n    fastcgi_pass unix:/var/run/php/php${v}-fpm.sock;\n}`;

  it('names the directive whose socket the log says does not exist (/var/run and /run alike)', () => {
    const f = byRule(paste(conf('7.2'), log), 'log-socket-missing');
    expect(f.map((x) => x.cause)).toEqual(['php-fpm-socket-missing']);
    expect(f[0]!.evidence.find((x) => x.rule === 'log-socket-missing')!.text).toContain('fastcgi_pass unix:/var/run/php/php7.2-fpm.sock;');
  });

  it('stays silent once the directive names the socket that exists', () => {
    expect(byRule(paste(conf('7.4'), log), 'log-socket-missing')).toEqual([]);
  });
});

describe('ingress-controller-family', () => {
  const dir = '12-ingress-community-annotation-on-nginx-org-controller';
  const posted = real(dir, 'posted.txt');

  it('reads the controller from an image name', () => {
    expect(sniffIngressController('version : Image:         nginx/nginx-ingress:2.2.2', 3)).toEqual({ family: 'nginx.org', image: 'nginx/nginx-ingress:2.2.2', line: 3 });
    expect(sniffIngressController('    image: registry.k8s.io/ingress-nginx/controller:v1.9.4@sha256:5b16', 1)).toMatchObject({ family: 'ingress-nginx', image: 'registry.k8s.io/ingress-nginx/controller:v1.9.4' });
    expect(sniffIngressController('image: nginx:1.25', 1)).toBeNull();
  });

  it("names the ignored backend-protocol annotation on NGINX Inc's controller", () => {
    const f = byRule(paste(real(dir, 'broken.yaml'), posted), 'ingress-controller-family');
    expect(f.map((x) => x.cause)).toEqual(['upstream-not-http']);
    expect(f[0]!.evidence.find((x) => x.rule === 'ingress-controller-family')!.text).toContain('nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"');
  });

  it('stays silent on the fixed Ingress (nginx.org/ssl-services) and without the controller image', () => {
    expect(byRule(paste(real(dir, 'fixed.yaml'), posted), 'ingress-controller-family')).toEqual([]);
    expect(byRule(real(dir, 'broken.yaml'), 'ingress-controller-family')).toEqual([]);
  });

  it('on the community controller, the annotation is its own: no finding', () => {
    const community = '    image: registry.k8s.io/ingress-nginx/controller:v1.9.4';
    expect(byRule(paste(real(dir, 'broken.yaml'), community), 'ingress-controller-family')).toEqual([]);
  });
});
