/**
 * One redaction feeds every export: the ticket (Markdown and Jira), the JSON
 * report (serialized after redaction, so it stays valid JSON) and the share
 * link, with the same pseudonyms in all of them. Property tests plant secrets
 * of every class in every line type and check none survives any export.
 * Lines here are invented (marked so) unless a source URL says otherwise.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analyzer/index.ts';
import { loadCatalog } from '../../src/catalog/from-disk.ts';
import { reportToMarkdown } from '../../src/analyzer/report/markdown.ts';
import { reportToJira } from '../../src/analyzer/report/jira.ts';
import { ALL_REDACTIONS, redact, redactExport, Redactor } from '../../src/share/redact.ts';
import { buildPermalink, readPermalink } from '../../src/share/permalink.ts';

const catalog = loadCatalog('content');
const SITE = 'https://badgateway.dev';

/** Every export of one analysis, all from one redaction. */
async function exportsOf(input: string) {
  const report = analyze(input, { catalog });
  const red = redactExport(input, report, ALL_REDACTIONS, { keepHosts: ['badgateway.dev'] });
  const link = await buildPermalink(`${SITE}/analyze/`, red.input!);
  if (!link.ok) throw new Error('input too large for a link in a test');
  const shared = await readPermalink(new URL(link.url).hash);
  return {
    red,
    ticket: reportToMarkdown(red.report, { siteUrl: SITE, shareUrl: link.url, redacted: true }),
    jira: reportToJira(red.report, { siteUrl: SITE, shareUrl: link.url, redacted: true }),
    json: JSON.stringify(red.report, null, 2),
    url: link.url,
    shared: shared ?? '',
  };
}

/** A value survives when it appears as a whole token (not inside a longer number or name). */
function survives(text: string, secret: string): boolean {
  const esc = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.:])${esc}(?![\\w:]|\\.\\w)`, 'i').test(text);
}

/* ---------------- generators: one secret of every class ---------------- */

const label = fc.stringMatching(/^[a-z][a-z0-9]{5,9}$/);
const token = fc.stringMatching(/^[A-Za-z0-9]{12,20}$/);
const octet = fc.integer({ min: 1, max: 254 });
const secrets = fc.record({
  publicIp: fc.tuple(fc.integer({ min: 11, max: 99 }), octet, octet, octet).map((o) => o.join('.')),
  privateIp: fc.tuple(octet, octet, octet).map((o) => `10.${o.join('.')}`),
  ipv6: fc.oneof(
    fc.tuple(fc.integer({ min: 0x1000, max: 0xffff }), fc.integer({ min: 1, max: 0xffff })).map(([a, b]) => `2a01:4f8:${a.toString(16)}::${b.toString(16)}`),
    fc.tuple(fc.integer({ min: 0x1000, max: 0xffff }), fc.integer({ min: 0x1000, max: 0xffff })).map(([a, b]) => `::${a.toString(16)}:${b.toString(16)}`),
  ),
  host: fc.tuple(label, label, fc.constantFrom('com', 'net', 'io', 'de', 'internal', 'lan', 'corp')).map(([a, b, t]) => `${a}.${b}.${t}`),
  serverAlias: fc.tuple(label, label).map(([a, b]) => `${a}.${b}.org`),
  resolveHost: fc.tuple(label, fc.constantFrom('', '.svc.cluster.local', '.internal')).map(([a, t]) => `svc-${a}${t}`),
  user: label.map((l) => `u${l}`),
  remoteUser: label.map((l) => `r${l}`),
  urlUser: label.map((l) => `w${l}`),
  password: token.map((t) => `pw${t}`),
  appKey: token.map((t) => `base64:${t}`),
  dbPassword: token.map((t) => `db${t}`),
  licence: token.map((t) => `lic${t}`),
  jwt: fc.tuple(token, token).map(([a, b]) => `eyJhbGciOiJIUzI1NiJ9.eyJ${a}.${b}`),
  basic: token.map((t) => `${t}==`),
  bearer: token.map((t) => `tk${t}`),
  cookie: token.map((t) => `sid${t}`),
  query: token.map((t) => `q${t}`),
  email: fc.tuple(label, label).map(([a, b]) => `${a}@${b}.com`),
  github: fc.stringMatching(/^[A-Za-z0-9]{36}$/).map((t) => `ghp_${t}`),
});
type Secrets = typeof secrets extends fc.Arbitrary<infer T> ? T : never;

/** Invented lines in the shapes nginx, PHP-FPM and configs write them; each carries some secrets. */
const LINE_TYPES: ((s: Secrets) => string)[] = [
  (s) => `2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: ${s.publicIp}, server: ${s.host}, request: "GET /orders?token=${s.query} HTTP/1.1", upstream: "http://${s.privateIp}:8080/orders", host: "${s.host}", referrer: "https://${s.serverAlias}/cart"`,
  (s) => `2026/11/22 23:58:07 [error] 1#1: *2 upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${s.ipv6}, server: ${s.host}, request: "POST /login HTTP/1.1", upstream: "fastcgi://unix:/home/${s.user}/run/php-fpm.sock:", host: "${s.host}"`,
  (s) => `2026/11/22 23:58:07 [error] 1#1: *3 ${s.resolveHost} could not be resolved (3: Host not found), client: ${s.publicIp}, server: ${s.host}, request: "GET / HTTP/1.1", host: "${s.host}"`,
  (s) => `2026/11/22 23:58:07 [emerg] 1#1: host not found in upstream "${s.resolveHost}:9000" in /etc/nginx/conf.d/app.conf:12`,
  (s) => `${s.publicIp} - ${s.remoteUser} [22/Nov/2026:23:58:07 +0000] "GET /api?q=${s.query}&mail=${s.email} HTTP/1.1" 502 157 "https://${s.serverAlias}/" "curl/8.0"`,
  (s) => `{"remote_addr":"${s.ipv6}","remote_user":"${s.remoteUser}","http_cookie":"session=${s.cookie}; theme=dark","request":"GET /x?${s.query} HTTP/1.1","status":"502","http_host":"${s.host}","http_authorization":"Bearer ${s.jwt}"}`,
  (s) => `    server_name ${s.host} www.${s.host} ${s.serverAlias};`,
  (s) => `    fastcgi_param APP_KEY ${s.appKey};`,
  (s) => `    fastcgi_param DB_PASSWORD "${s.dbPassword}";`,
  (s) => `    proxy_set_header Authorization "Basic ${s.basic}";`,
  (s) => `    proxy_set_header X-Upstream-Token ${s.bearer};`,
  (s) => `    proxy_pass http://${s.urlUser}:${s.password}@${s.host}:8080;`,
  (s) => `    fastcgi_pass unix:/var/run/php/php8.2-fpm-${s.user}.sock;`,
  (s) => `env[DB_PASSWORD] = ${s.dbPassword}`,
  (s) => `php_admin_value[newrelic.license] = ${s.licence}`,
  (s) => `listen = /home/${s.user}/.php/fpm.sock`,
  (s) => `Authorization: Bearer ${s.jwt}`,
  (s) => `Cookie: sid=${s.cookie}; lang=en`,
  (s) => `REDIS_URL=redis://:${s.password}@${s.privateIp}:6379/0 GITHUB_TOKEN=${s.github} contact ${s.email}`,
  (s) => `a token somewhere: ${s.jwt} and ${s.github}`,
];

/** Which values of a Secrets record must not survive. */
function plantedValues(s: Secrets): [string, string][] {
  const { publicIp, privateIp, ipv6, host, serverAlias, resolveHost, user, remoteUser, urlUser, ...opaque } = s;
  return [
    ['publicIp', publicIp],
    ['privateIp', privateIp],
    ['ipv6', ipv6],
    ['host', host],
    ['serverAlias', serverAlias],
    ['resolveHost', resolveHost],
    ['user', user],
    ['remoteUser', remoteUser],
    ['urlUser', urlUser],
    ...Object.entries(opaque),
  ];
}

describe('redaction property: no planted secret survives any export', () => {
  it('every class, inside every line type, in the ticket, Jira, JSON and share link', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, fc.shuffledSubarray(LINE_TYPES.map((_, i) => i), { minLength: 1 }), async (s, which) => {
        const input = which.map((i) => LINE_TYPES[i]!(s)).join('\n');
        const out = await exportsOf(input);
        expect(() => JSON.parse(out.json)).not.toThrow();
        for (const [name, value] of plantedValues(s)) {
          if (!survives(input, value)) continue; // not planted by the chosen line types
          for (const [where, text] of Object.entries({ ticket: out.ticket, jira: out.jira, json: out.json, url: out.url, shared: out.shared })) {
            expect(survives(text, value), `${name} "${value}" survived in the ${where}:\n${text}`).toBe(false);
          }
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 60) },
    );
  });

  it('every line type alone keeps the analysis readable (the share link reopens to the same causes)', async () => {
    await fc.assert(
      fc.asyncProperty(secrets, async (s) => {
        const input = LINE_TYPES.map((f) => f(s)).join('\n');
        const out = await exportsOf(input);
        const before = analyze(input, { catalog }).findings.map((f) => f.cause).sort();
        const after = analyze(out.shared, { catalog }).findings.map((f) => f.cause).sort();
        expect(after).toEqual(before);
      }),
      { numRuns: 10 },
    );
  });
});

describe('redaction of the classes named in the bug report', () => {
  const one = (line: string) => redact(line).text;

  it('host names inside nginx messages', () => {
    expect(one('2026/11/22 23:58:07 [error] 7#7: *9 billing-fpm could not be resolved (3: Host not found), client: 127.0.0.1')).not.toContain('billing-fpm');
    expect(one('2026/11/22 23:58:07 [emerg] 1#1: host not found in upstream "backend.prod.lan:9000" in /etc/nginx/nginx.conf:40')).not.toContain('backend.prod');
  });

  it('every server_name name, and the same name elsewhere', () => {
    const r = one('server_name shop.acme.io www.acme.io acme-admin.net;\nreferrer: "https://acme-admin.net/"');
    for (const h of ['shop.acme.io', 'www.acme.io', 'acme-admin.net']) expect(r).not.toContain(h);
    expect(r).toContain('server_name host-1 host-2 host-3;');
    // Names with no TLD the heuristics know are learned from server_name alone.
    expect(one('server_name shop.acme.example.plc intranet-portal;\nhost: "intranet-portal"')).toBe('server_name host-1 host-2;\nhost: "host-2"');
    const re = one('server_name ~^(?<sub>.+)\\.acmeshop\\.com$ ~^www\\.acme-admin\\.net$;');
    expect(re).not.toMatch(/acmeshop|acme-admin/);
    expect(r).toContain('https://host-3/');
  });

  it('user names in home and socket paths and the access log user, consistently', () => {
    const r = one('root /home/alice/www;\nfastcgi_pass unix:/run/php/php8.2-fpm-alice.sock;\n203.0.113.9 - alice [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 502 1');
    expect(r).not.toContain('alice');
    expect(r).toContain('/home/user-1/www');
    expect(r).toContain('php8.2-fpm-user-1.sock');
    expect(r).toContain(' - user-1 [');
  });

  it('JWTs anywhere, Basic in nginx syntax, user:password@ in URLs, secret-looking keys', () => {
    const r = one(
      [
        'x eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl y',
        'proxy_set_header Authorization "Basic dXNlcjpwYXNz";',
        'proxy_pass http://deploy:Sup3rS3cret@10.1.2.3:8080;',
        'fastcgi_param STRIPE_SECRET sk_live_abcdefghijklmnop1234;',
        'env[APP_KEY] = base64:Zm9vYmFyYmF6',
        'proxy_set_header X-Api-Token abcdef123456;',
        'DB_PASSWORD=hunter2hunter2',
      ].join('\n'),
    );
    for (const s of ['eyJhbGci', 'dXNlcjpwYXNz', 'Sup3rS3cret', 'deploy', 'sk_live', 'Zm9vYmFy', 'abcdef123456', 'hunter2']) expect(r).not.toContain(s);
    expect(r).toContain('proxy_set_header Authorization "Basic [redacted]";');
    expect(r).toContain('http://user-1:[redacted]@10.0.0.1:8080');
  });

  it('keeps nginx variables and says so in the preview', () => {
    const r = redact('proxy_set_header Authorization $http_authorization;\ntry_files $uri /index.php?$query_string;\nupstream: "http://127.0.0.1:9000/"');
    expect(r.text).toContain('$http_authorization');
    expect(r.text).toContain('?$query_string');
    expect(r.kept.ip).toContainEqual(['127.0.0.1', 'loopback']);
    expect(r.kept.query.length).toBe(1);
  });

  it('IPv6 forms starting with ::, and IPv4-mapped addresses keep their shape', () => {
    const r = one('client: ::ffff:203.0.113.7, peer ::a1b2:c3d4, 2a01:4f8::1, loopback ::1 time 23:58:07');
    expect(r).toBe('client: ::ffff:192.0.2.1, peer 2001:db8::1, 2001:db8::2, loopback ::1 time 23:58:07');
  });

  it('IPs keep their class and never repeat, past 254 addresses', () => {
    const pub = Array.from({ length: 1000 }, (_, i) => `8.${(i >> 8) & 255}.${i & 255}.9`);
    const priv = Array.from({ length: 1000 }, (_, i) => `10.9.${(i >> 8) & 255}.${i & 255}`);
    const home = Array.from({ length: 300 }, (_, i) => `192.168.${(i >> 8) & 255}.${(i & 255) + 1}`);
    const r = one([...pub, ...priv, ...home].join('\n')).split('\n');
    const pubOut = r.slice(0, 1000);
    const privOut = r.slice(1000, 2000);
    const homeOut = r.slice(2000);
    expect(new Set(pubOut).size).toBe(1000);
    expect(new Set(privOut).size).toBe(1000);
    expect(new Set(homeOut).size).toBe(300);
    expect(privOut.every((a) => a.startsWith('10.'))).toBe(true);
    expect(homeOut.every((a) => a.startsWith('192.168.'))).toBe(true);
    expect(pubOut.some((a) => a.startsWith('10.') || a.startsWith('192.168.'))).toBe(false);
    expect(new Set([...pubOut, ...privOut, ...homeOut]).size).toBe(2300);
  });

  it('per-class toggles: only the enabled classes change', () => {
    const line = `${'203.0.113.7'} - bob [22/Nov/2026:23:58:07 +0000] "GET /x?k=v HTTP/1.1" 502 1 "https://shop.acme.io/" "c"`;
    expect(redact(line, ['query']).text).toBe(line.replace('k=v', '[redacted]'));
    expect(redact(line, ['ip']).text).toBe(line.replace('203.0.113.7', '192.0.2.1'));
    expect(redact(line, []).text).toBe(line);
  });
});

describe('real lines from public issue threads', () => {
  // [source thread, line verbatim, values that identify someone, cause the redacted line must still reveal]
  const REAL: [string, string, string[], string | null][] = [
    [
      'https://github.com/engintron/engintron/issues/862',
      '2018/06/08 12:51:17 [error] *426 www.XXX.es could not be resolved (3: Host not found), client: 85.25.210.41, server: localhost, request: "GET /robots.txt HTTP/1.1", host: "www.XXX.es"',
      ['www.XXX.es', '85.25.210.41'],
      'resolver-could-not-resolve',
    ],
    ['https://github.com/linuxserver/reverse-proxy-confs/issues/87', '2019/09/03 08:03:06 [error] 368#368: *5 wordpress could not be resolved (3: Host not found)...', ['wordpress'], null],
    ['https://github.com/TeamPiped/Piped/issues/3679', '2024/06/22 16:54:59 [emerg] 1#1: host not found in upstream "pipedfrontend:80" in /etc/nginx/conf.d/pipedfrontend.conf:2', ['pipedfrontend'], 'host-not-found-in-upstream'],
    ['https://github.com/julienhmmt/docker-compose/issues/10', 'nginx: [emerg] host not found in upstream "nextcloudfpm:9000" in /etc/nginx/nginx.conf:31', ['nextcloudfpm'], 'host-not-found-in-upstream'],
    ['https://github.com/docker/compose/issues/6224', 'nginx_1    | 2018/09/25 08:26:48 [emerg] 1#1: invalid host in upstream "http://php_fpm:9000" in /etc/nginx/conf.d/lbdd.conf:23', ['php_fpm'], null],
  ];

  it.each(REAL)('%s', (_source, line, identifying, cause) => {
    const out = redact(line).text;
    for (const v of identifying) expect(out.toLowerCase(), v).not.toContain(v.toLowerCase());
    if (cause) {
      expect(analyze(line, { catalog }).findings.map((f) => f.cause)).toContain(cause);
      expect(analyze(out, { catalog }).findings.map((f) => f.cause)).toContain(cause);
    }
  });

  it('keeps localhost and loopback, and says so (https://github.com/engintron/engintron/issues/288)', () => {
    const line = '2016/10/05 19:32:15 [error] 914385#914385: *50805 localhost could not be resolved (3: Host not found), client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "localhost"';
    const r = redact(line);
    expect(r.text).toBe(line);
    expect(r.kept.ip).toContainEqual(['127.0.0.1', 'loopback']);
    expect(r.kept.host).toContainEqual(['localhost', 'reserved or this site']);
  });

  it('keeps generic service names (https://github.com/aschmelyun/docker-compose-laravel/issues/50)', () => {
    const line = 'nginx       | 2020/07/06 05:21:35 [emerg] 1#1: host not found in upstream "php" in /etc/nginx/conf.d/default.conf:16';
    expect(redact(line).text).toBe(line);
  });
});

describe('one redaction for all exports', () => {
  const input = [
    '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.acme.io, request: "GET /v1?key=K1 HTTP/1.1", upstream: "http://10.0.3.15:8080/v1", host: "api.acme.io"',
    '2026/11/22 23:58:08 [error] 1#1: *2 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.50, server: api.acme.io, request: "GET /v1 HTTP/1.1", upstream: "http://10.0.3.16:8080/v1", host: "api.acme.io"',
  ].join('\n');

  it('uses the same pseudonyms in the ticket, the JSON and the share link', async () => {
    const out = await exportsOf(input);
    // The second client appears only in the share link input and the report's evidence/top lists.
    for (const p of ['host-1', '10.0.0.1', '10.0.0.2', '192.0.2.1', '192.0.2.2']) {
      expect(out.shared, p).toContain(p);
      expect(out.json, p).toContain(p);
    }
    expect(out.ticket).toContain('host-1');
    expect(out.ticket).toContain('10.0.0.1');
  });

  it('the JSON report is serialized after redaction: valid JSON even with quotes and cookies in the log', async () => {
    const quoted = `${input}\n{"http_cookie":"a=\\"x\\"; sid=S3CR3T","http_host":"api.acme.io","request":"GET /\\"q\\"?x=1"}`;
    const out = await exportsOf(quoted);
    const parsed = JSON.parse(out.json) as unknown;
    expect(parsed).toBeTruthy();
    expect(out.json).not.toContain('S3CR3T');
    expect(out.json).not.toContain('acme.io');
  });

  it('the preview counts each replaced value once (in the input, not again in the report)', () => {
    const report = analyze(input, { catalog });
    const red = redactExport(input, report);
    expect(red.summary.counts.ip).toBe(4);
    expect(red.summary.counts.host).toBe(4);
    expect(red.summary.counts.query).toBe(1);
  });

  it('the preview lists what was removed and what was kept', () => {
    const r = new Redactor().learn(input);
    r.text(input);
    const s = r.summary();
    expect(s.counts.ip).toBe(4);
    expect(s.removed.host).toContainEqual(['api.acme.io', 'host-1']);
    const kept = new Redactor().learn('upstream: "http://127.0.0.1:9000/", host: "localhost"');
    kept.text('upstream: "http://127.0.0.1:9000/", host: "localhost"');
    expect(kept.summary().kept.ip).toContainEqual(['127.0.0.1', 'loopback']);
    expect(kept.summary().kept.host).toContainEqual(['localhost', 'reserved or this site']);
  });
});
