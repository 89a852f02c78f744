import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Analyzer, analyze, type LineResult, type Report } from '../../../src/analyzer/index.ts';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';

const catalog = fixtureCatalog();
const run = (text: string): Report => analyze(text, { catalog });
const find = (r: Report, cause: string, origin?: string) => r.findings.find((f) => f.cause === cause && (!origin || f.origin === origin));

const REFUSED = '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"';
const SOCKET = '2026/11/22 23:58:21 [crit] 18503#18503: *41 connect() to unix:/tmp/ngxtest/missing.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /fcgi_missing HTTP/1.1", upstream: "fastcgi://unix:/tmp/ngxtest/missing.sock:", host: "127.0.0.1:18080"';
const FCGI_RESET = '2026/11/22 23:58:07 [error] 18503#18503: *5 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 127.0.0.1, server: test.local, request: "GET /kill.php HTTP/1.1", upstream: "fastcgi://unix:/srv/lab/run/php-www.sock:", host: "127.0.0.1:18080"';
const access = (status: number, bytes: number, us: string, ua: string, rt: string, t = '23:58:07') => `127.0.0.1 - - [22/Nov/2026:${t} +0000] "GET /api/orders HTTP/1.1" ${status} ${bytes} "-" "curl/7.88.1" us="${us}" ua="${ua}" rt=${rt}`;

describe('matching log lines to causes', () => {
  it('reports a finding with count, time range, facts, tailored fix and evidence span', () => {
    const r = run(`${REFUSED}\n${REFUSED.replace('23:58:07', '23:59:10')}`);
    const f = find(r, 'connection-refused')!;
    expect(f).toMatchObject({ count: 2, status: 502, origin: 'log', firstSeen: '2026-11-22T23:58:07', lastSeen: '2026-11-22T23:59:10', url: '/causes/connection-refused/', fixUrl: '/causes/connection-refused/#fix' });
    expect(f.facts.upstream).toEqual(['http://127.0.0.1:19001/refused']);
    expect(f.facts.errno).toEqual(['111']);
    expect(f.fix).toBe('Nothing is listening on http://127.0.0.1:19001/refused. Start the backend.');
    const e = f.evidence[0]!;
    expect(e.text.slice(e.span[0], e.span[1])).toBe('connect() failed (111: Connection refused) while connecting to upstream');
  });
  it('matches through wrappers and computes the span on the original line', () => {
    const wrapped = `web-1  | Nov 22 23:58:21 host nginx[1]: ${SOCKET}`;
    const f = find(run(wrapped), 'php-fpm-socket-missing')!;
    const e = f.evidence[0]!;
    expect(e.text).toBe(wrapped);
    expect(e.text.slice(e.span[0], e.span[1])).toMatch(/^connect\(\) to unix:\/tmp\/ngxtest\/missing\.sock failed/);
    expect(f.facts.socket).toEqual(['/tmp/ngxtest/missing.sock']);
  });
  it('claims a line by the highest-priority signature first', () => {
    const r = run(FCGI_RESET);
    expect(find(r, 'php-fpm-child-crashed')?.count).toBe(1);
    expect(find(r, 'connection-reset-by-peer')).toBeUndefined();
  });
  it('matches a message pasted without its timestamp', () => {
    expect(find(run('connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1'), 'connection-refused')?.count).toBe(1);
  });
  it('ranks by severity, then count', () => {
    const r = run([SOCKET, REFUSED, REFUSED, '2026/11/22 23:58:50 [error] 1#1: *9 upstream sent too big header while reading response header from upstream, client: 1.1.1.1'].join('\n'));
    expect(r.findings.map((f) => f.cause)).toEqual(['connection-refused', 'php-fpm-socket-missing', 'upstream-sent-too-big-header']);
  });
  it('never leaves a {placeholder} in a fix when a fact is missing', () => {
    const f = find(run('no resolver defined to resolve backend.internal'), 'resolver-not-defined')!;
    expect(f.fix).toBe('Add a resolver for backend.internal.');
    const g = find(run('2026/11/22 23:58:50 [error] 1#1: *9 upstream sent too big header while reading response header from upstream'), 'upstream-sent-too-big-header')!;
    expect(g.fix).not.toMatch(/\{\w+\}/);
    expect(g.fix).toBe('Raise the buffer directive for the upstream address.');
  });
});

describe('statistics', () => {
  it('counts kinds, levels, statuses, upstream statuses, top lists and the timeline', () => {
    const r = run(readFileSync(new URL('../../fixtures/engine/mixed.log', import.meta.url), 'utf8'));
    const s = r.stats;
    expect(s.lines).toBe(7);
    expect(s.byKind).toMatchObject({ 'nginx-error': 3, 'nginx-access': 2, blank: 1, unknown: 1 });
    expect(s.byLevel).toMatchObject({ error: 1, info: 1, crit: 1 });
    expect(s.statuses).toEqual({ '200': 1, '502': 1 });
    expect(s.upstreamStatuses).toEqual({ '200': 1, '502': 1 });
    // $upstream_addr of the access lines and the peers of the error lines' `upstream: "…"`.
    expect(s.topUpstreams).toEqual([['127.0.0.1:19001', 3], ['unix:/tmp/ngxtest/missing.sock', 1]]);
    expect(s.topUris[0]).toEqual(['/', 1]);
    expect(s.timeline.find((b) => b.minute === '2026-11-22T23:58')).toMatchObject({ requests: 2, server5xx: 1, errors: 2 });
    expect(s.timeRange).toEqual({ first: '2026-11-22T23:58:07', last: '2026-11-22T23:58:21' });
    expect(r.unrecognised).toEqual([{ line: 7, text: 'this line is not a log line' }]);
  });
});

describe('streaming', () => {
  it('gives the same report whatever the chunk boundaries', () => {
    const text = readFileSync(new URL('../../fixtures/engine/mixed.log', import.meta.url), 'utf8');
    const whole = run(text);
    const a = new Analyzer({ catalog });
    for (let i = 0; i < text.length; i += 7) a.push(text.slice(i, i + 7));
    expect(a.end()).toEqual(whole);
  });
  it('reports progress while pushing and one LineResult per line in order', () => {
    const lines: LineResult[] = [];
    const a = new Analyzer({ catalog, onLine: (l) => lines.push(l) });
    a.push(`${REFUSED}\nhello\n`, 1000);
    expect(a.progress).toEqual({ bytes: 1000, lines: 2 });
    a.push('tail');
    a.end();
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[0]).toMatchObject({ kind: 'nginx-error', cause: 'connection-refused', status: 502 });
    expect(lines[1]).toMatchObject({ kind: 'unknown', cause: null, status: null });
  });
});

describe('access-log correlations', () => {
  it('504s clustering at ≈60 s become upstream-timed-out with the timeout as a fact', () => {
    const lines = Array.from({ length: 6 }, (_, i) => access(504, 167, '504', '10.0.0.2:8080', `60.00${i}`));
    const f = find(run(lines.join('\n')), 'upstream-timed-out', 'correlation')!;
    expect(f.facts.timeout).toEqual(['60s']);
    expect(f.count).toBe(6);
    expect(f.note).toMatch(/6 of 6 504 responses/);
  });
  it('"502, 200" in $upstream_status is a retry that hid a failing peer', () => {
    const r = run(access(200, 2, '502, 200', '127.0.0.1:19001, 127.0.0.1:19019', '0.010'));
    const f = find(r, 'retry-hid-failing-peer', 'correlation')!;
    expect(f.facts.upstream).toEqual(['127.0.0.1:19001']);
    expect(f.status).toBe(200);
  });
  it('a 502 with the same $upstream_status and no nginx error line: the backend returned it', () => {
    const r = run(access(502, 334, '502', '127.0.0.1:39022', '0.003'));
    expect(find(r, 'upstream-returned-502', 'correlation')?.facts.upstream).toEqual(['127.0.0.1:39022']);
  });
  it("is not fooled by nginx's own 502 page (157 bytes) or by an error line in the same minute", () => {
    expect(find(run(access(502, 157, '502', '127.0.0.1:19001', '0.001')), 'upstream-returned-502')).toBeUndefined();
    expect(find(run(`${REFUSED}\n${access(502, 334, '502', '127.0.0.1:19001', '0.001')}`), 'upstream-returned-502')).toBeUndefined();
  });
  it('reads access lines with the pasted log_format', () => {
    const r = run(`log_format up '$remote_addr [$time_local] "$request" $status us=$upstream_status ua=$upstream_addr';\n10.0.0.1 [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 200 us=502, 200 ua=10.0.0.2:80, 10.0.0.3:80`);
    expect(r.stats.byKind['nginx-access']).toBe(1);
    expect(find(r, 'retry-hid-failing-peer')?.facts.upstream).toEqual(['10.0.0.2:80']);
  });
});

describe('cross-input correlations', () => {
  const TIMEOUT = (t: string, id: number) =>
    `2026/11/22 ${t} [error] 1#1: *${id} upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, server: t, request: "GET /s05/slow.php HTTP/1.1", upstream: "fastcgi://unix:/srv/lab/run/php-tiny.sock", host: "x"`;
  it('php-fpm max_children + nginx read timeouts → pool exhausted', () => {
    const r = run(['[22-Nov-2026 23:58:07] WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it', TIMEOUT('23:58:10', 3)].join('\n'));
    const f = find(r, 'php-fpm-max-children')!;
    expect(f.facts).toMatchObject({ pool: ['tiny'], max_children: ['1'] });
    expect(f.evidence.map((e) => e.line)).toEqual([1, 2]);
  });
  it('a max_children line and the 504 timeouts it explains give exactly one finding for the cause', () => {
    const r = run([
      '[22-Nov-2026 23:58:07] WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it',
      TIMEOUT('23:58:10', 3),
      TIMEOUT('23:58:11', 4),
      '[22-Nov-2026 23:58:12] WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it',
      TIMEOUT('23:58:13', 5),
    ].join('\n'));
    const mc = r.findings.filter((f) => f.cause === 'php-fpm-max-children');
    expect(mc).toHaveLength(1);
    const f = mc[0]!;
    // The two php-fpm lines, each counted once although both the signature and the correlation reached them.
    expect(f).toMatchObject({ origin: 'log', count: 2, confidence: 'high', firstSeen: '2026-11-22T23:58:07', lastSeen: '2026-11-22T23:58:12' });
    expect(f.note).toMatch(/server reached pm\.max_children.*2 time\(s\), alongside 3 nginx "upstream timed out/);
    // Union of the signature's and the correlation's evidence: by line, no duplicates; the php-fpm lines keep the signature's span.
    expect(f.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
    expect(f.evidence.filter((e) => e.line === 1 || e.line === 4).map((e) => e.rule)).toEqual(['fpm-max-children', 'fpm-max-children']);
    expect(r.findings.filter((x) => x.cause === 'upstream-timed-out')).toHaveLength(1);
    expect(r.findings.map((x) => x.cause).filter((c, i, all) => all.indexOf(c) !== i)).toEqual([]);
  });
  it('OOM killer / signal 9 + recv() 104 from fastcgi:// → child killed, one finding', () => {
    const r = run(['Nov 22 23:58:06 web kernel: Out of memory: Killed process 1883 (php-fpm8.2) total-vm:1000kB', FCGI_RESET].join('\n'));
    const all = r.findings.filter((x) => x.cause === 'php-fpm-child-crashed');
    expect(all).toHaveLength(1);
    const f = all[0]!;
    // The reset line was claimed by its signature (log) and explained by the correlation: counted once.
    expect(f).toMatchObject({ origin: 'log', count: 1 });
    expect(f.facts.process).toEqual(['php-fpm8.2']);
    expect(f.note).toMatch(/OOM killer/);
    expect(f.evidence.map((e) => e.line)).toEqual([1, 2]);
  });
  it('a correlation corroborating a medium-confidence log finding raises it to high', () => {
    const cat = fixtureCatalog();
    const cause = cat.causes.find((c) => c.id === 'php-fpm-max-children')!;
    cause.signatures[0]!.confidence = 'medium';
    const line = '[22-Nov-2026 23:58:07] WARNING: [pool tiny] server reached pm.max_children setting (1), consider raising it';
    expect(analyze(line, { catalog: cat }).findings[0]).toMatchObject({ cause: 'php-fpm-max-children', confidence: 'medium' });
    const f = analyze(`${line}\n${TIMEOUT('23:58:10', 3)}`, { catalog: cat }).findings.find((x) => x.cause === 'php-fpm-max-children')!;
    expect(f).toMatchObject({ confidence: 'high', count: 1, origin: 'log' });
  });
  it('does not blame an OOM kill of an unrelated process', () => {
    const r = run(['Out of memory: Killed process 99 (java) total-vm:1kB', FCGI_RESET].join('\n'));
    expect(find(r, 'php-fpm-child-crashed', 'correlation')).toBeUndefined();
  });
  it('no live upstreams points at the earlier failures that disabled the peers', () => {
    const r = run([
      REFUSED,
      '2026/11/22 23:58:07 [warn] 18503#18503: *1 upstream server temporarily disabled while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /nolive HTTP/1.1", upstream: "http://127.0.0.1:19001/nolive", host: "x"',
      '2026/11/22 23:59:01 [error] 18503#18503: *120 no live upstreams while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /nolive HTTP/1.1", upstream: "http://dead/nolive", host: "127.0.0.1:18080"',
    ].join('\n'));
    const f = find(r, 'no-live-upstreams', 'log')!;
    expect(f.note).toMatch(/connection-refused \(1×, first on line 1\)/);
    expect(f.note).toMatch(/1 "upstream server temporarily disabled" warning/);
    expect(f.evidence.map((e) => e.line)).toContain(2);
  });
});

describe('configuration in the input', () => {
  it('detects pasted nginx and PHP-FPM config among logs and runs the rules with evidence lines', () => {
    const r = run(['server {', '    location ~ \\.php$ {', '        fastcgi_pass unix:/run/php/php8.1-fpm.sock;', '    }', '}', '[www]', 'listen = /run/php/php8.2-fpm.sock', REFUSED].join('\n'));
    expect(r.stats.byKind).toMatchObject({ 'nginx-config': 5, 'php-fpm-config': 2, 'nginx-error': 1 });
    const f = find(r, 'php-fpm-socket-missing', 'config')!;
    expect(f.evidence[0]).toMatchObject({ line: 3, kind: 'nginx-config', rule: 'fastcgi-socket-mismatch' });
    expect(f.evidence[0]!.text.slice(f.evidence[0]!.span[0])).toMatch(/^fastcgi_pass/);
  });
  it('reports unbalanced braces as a warning with a partial result', () => {
    const r = run('http {\n  server {\n    location /ws { proxy_pass http://app;\n');
    expect(r.warnings.join('\n')).toMatch(/unbalanced braces/);
    expect(find(r, 'websocket-upgrade-missing', 'config')).toBeDefined();
  });
  it('switches parser per collector section', () => {
    const bundle = [
      '==== badgateway-collect: nginx-T ====',
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok',
      '# configuration file /etc/nginx/nginx.conf:',
      'user www-data;',
      'events { worker_connections 4096; }',
      'http { server { location / { fastcgi_pass unix:/run/php/php8.2-fpm.sock; } } }',
      '==== badgateway-collect: php-fpm-tt ====',
      '[22-Nov-2026 10:00:00] NOTICE: [www]',
      '[22-Nov-2026 10:00:00] NOTICE: \tlisten = /run/php/php8.2-fpm.sock',
      '[22-Nov-2026 10:00:00] NOTICE: \tpm.max_children = 2',
      '==== badgateway-collect: ulimit ====',
      'open files                      (-n) 1024',
      '==== badgateway-collect: nginx-error-log ====',
      REFUSED,
    ].join('\n');
    const lines: LineResult[] = [];
    const r = analyze(bundle, { catalog, onLine: (l) => lines.push(l) });
    expect(lines.filter((l) => l.kind === 'collector').map((l) => l.facts.section)).toEqual(['nginx-T', 'php-fpm-tt', 'ulimit', undefined, 'nginx-error-log']);
    expect(find(r, 'php-fpm-max-children', 'config')?.facts.max_children).toEqual(['2']);
    expect(find(r, 'too-many-open-files', 'config')?.facts.nofile).toEqual(['1024']);
    expect(find(r, 'connection-refused', 'log')).toBeDefined();
  });
});

describe('error pages pasted from a browser', () => {
  it('names the producer and blames the CDN for a Cloudflare page', () => {
    const r = run('Bad gateway Error code 502\nVisit cloudflare.com for more information.\nCloudflare Ray ID: 8a1b2c3d4e5f6789');
    expect(r.producer?.name).toBe('cloudflare');
    expect(find(r, 'cdn-or-load-balancer-502')).toMatchObject({ title: 'The 502 came from a CDN or load balancer', url: '/causes/cdn-or-load-balancer-502/' });
  });
  it("sets nginx as producer for nginx's own page without a CDN finding", () => {
    const r = run('<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>');
    expect(r.producer).toEqual({ name: 'nginx', version: '1.22.1', line: 5 });
    expect(find(r, 'cdn-or-load-balancer-502')).toBeUndefined();
  });
});

describe('robustness', () => {
  it('empty input: a clear warning, no findings', () => {
    const r = run('');
    expect(r.findings).toEqual([]);
    expect(r.warnings[0]).toMatch(/empty/);
  });
  it('binary junk: warns "looks binary" and keeps going', () => {
    const r = run(`\u0000\u0001\u0002PK\u0003\u0004garbage\n${REFUSED}`);
    expect(r.warnings.join(' ')).toMatch(/looks binary/);
    expect(find(r, 'connection-refused')?.count).toBe(1);
  });
  it('a 10 MB single line: capped, warned, fast', () => {
    const t0 = performance.now();
    const r = run(`${'x'.repeat(10 * 1024 * 1024)}\n${REFUSED}`);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.warnings.join(' ')).toMatch(/only its first 8192 characters/);
    expect(r.unrecognised[0]!.text.length).toBeLessThanOrEqual(2000);
    expect(find(r, 'connection-refused')?.count).toBe(1);
  });
  it('CRLF line ends give the same findings as LF', () => {
    expect(run(`${REFUSED}\r\n${SOCKET}\r\n`).findings).toEqual(run(`${REFUSED}\n${SOCKET}\n`).findings);
  });
  it('invalid UTF-8 decoded non-fatally still matches', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(REFUSED.replace('/refused', '/caf')), 0xff, 0xfe]);
    const r = run(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    expect(find(r, 'connection-refused')?.count).toBe(1);
  });
  it('a cause missing from the catalog still produces a finding with a fallback title and URL', () => {
    const r = analyze(access(200, 2, '502, 200', 'a:1, b:2', '0.1'), { catalog: { version: 1, causes: [] } });
    expect(find(r, 'retry-hid-failing-peer')).toMatchObject({ url: '/causes/retry-hid-failing-peer/', title: 'A retry hid a failing upstream server' });
  });
  it('a catalog pattern that does not compile is skipped with a warning', () => {
    const bad = fixtureCatalog();
    bad.causes.find((c) => c.signatures.length > 0)!.signatures[0]!.pattern = '(unclosed';
    expect(analyze(REFUSED, { catalog: bad }).warnings.join(' ')).toMatch(/signature \S+ \(\S+\) does not compile/);
    const badCond = fixtureCatalog();
    badCond.causes[0]!.conditions[0]!.when = { message: '(unclosed' };
    expect(analyze(REFUSED, { catalog: badCond }).warnings.join(' ')).toMatch(/condition \S+ \(\S+\) does not compile/);
  });
  it('log text is returned as plain strings, never interpreted', () => {
    const evil = `${REFUSED.replace('GET /refused', 'GET /<script>alert(1)</script>')}`;
    const e = find(run(evil), 'connection-refused')!.evidence[0]!;
    expect(e.text).toContain('<script>alert(1)</script>');
  });
});
