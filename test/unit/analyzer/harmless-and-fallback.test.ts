/**
 * Benign knowledge is named harmless, never a cause; an error no article
 * claims is never silent; the report says how much of the input was
 * recognised at all.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { analyze, type LineResult } from '../../../src/analyzer/index.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);
const run = (text: string) => analyze(text, { catalog });

describe('harmless lines', () => {
  it('counts a response buffered to a temporary file as harmless, linked to its article, not as a cause', () => {
    const line = '2026/11/22 23:59:01 [warn] 812#812: *77 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream, client: 10.0.2.4, server: shop.example.com, request: "GET /static/app.js HTTP/1.1", upstream: "http://10.0.1.1:8080/static/app.js", host: "shop.example.com"';
    const r = run(`${line}\n${line}`);
    expect(r.findings).toEqual([]);
    expect(r.harmless).toHaveLength(1);
    expect(r.harmless[0]).toMatchObject({ template: 'an upstream response is buffered to a temporary file %T', count: 2, level: 'warn', cause: 'upstream-sent-too-big-header', url: '/causes/upstream-sent-too-big-header/' });
    expect(r.harmlessCount).toBe(2);
  });

  it('names notice/info noise, keep-alives and client aborts harmless by template', () => {
    const r = run(
      [
        '2026/11/22 23:58:08 [info] 18503#18503: *2 client 127.0.0.1 closed keepalive connection',
        '2026/11/22 23:58:09 [info] 812#812: *3 client timed out (110: Connection timed out) while waiting for request, client: 10.0.3.1, server: 0.0.0.0:443',
        '2026/11/22 23:58:10 [notice] 811#811: signal 1 (SIGHUP) received from 4242, reconfiguring',
        '2026/11/22 23:58:11 [info] 812#812: *4 epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream, client: 10.0.2.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.1.2:8080/", host: "a"',
        '2026/11/22 23:58:12 [error] 812#812: *5 open() "/var/www/html/favicon.ico" failed (2: No such file or directory), client: 10.0.2.1, server: a, request: "GET /favicon.ico HTTP/1.1", host: "a"',
      ].join('\n'),
    );
    expect(r.findings).toEqual([]);
    expect(r.harmless.map((h) => h.template).sort()).toEqual([
      'client %T closed keepalive connection',
      'client prematurely closed connection, so upstream connection is closed too',
      'client timed out',
      'open() "%T" failed',
      'signal %d (%V) received from %d, %V',
    ]);
    expect(r.harmless.find((h) => h.template.startsWith('client prematurely'))?.cause).toBe('client-closed-request');
    expect(r.harmless.find((h) => h.template.startsWith('open()'))?.why).toMatch(/404/);
  });
});

describe('the light reading of noise', () => {
  it('reaches the same report as the full reading (with onLine every line is read in full)', () => {
    const text = [
      '2026/11/22 23:58:08 [info] 812#812: *2 client 10.0.3.4 closed keepalive connection',
      '2026/11/22 23:58:09 [info] 812#812: *3 client timed out (110: Connection timed out) while waiting for request, client: 10.0.3.1, server: 0.0.0.0:443',
      '2026/11/22 23:58:10 [notice] 811#811: signal 1 (SIGHUP) received from 4242, reconfiguring',
      '2026/11/22 23:58:11 [info] 812#812: *4 epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream, client: 10.0.2.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.1.2:8080/", host: "a"',
      '2026/11/22 23:58:12 [warn] 812#812: *5 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream, client: 10.0.2.4, server: a, request: "GET /a.js HTTP/1.1", upstream: "http://10.0.1.1:8080/a.js", host: "a"',
      '2026/11/22 23:58:13 [info] 812#812: *6 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 10.0.5.1, server: 0.0.0.0:443',
      '2026/11/22 23:58:14 [info] 812#812: *7 upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 10.0.5.1, server: a, request: "GET /ws HTTP/1.1", upstream: "http://10.0.1.1:8080/ws", host: "a"',
      '2026/11/22 23:58:15 [warn] 812#812: *8 upstream server temporarily disabled while connecting to upstream, client: 10.0.5.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.1.1:8080/", host: "a"',
    ].join('\n');
    const light = analyze(text, { catalog });
    const full = analyze(text, { catalog, onLine: () => {} });
    expect(light.harmless.map((h) => [h.template, h.count, h.cause])).toEqual(full.harmless.map((h) => [h.template, h.count, h.cause]));
    expect(light.findings.map((f) => [f.cause, f.count])).toEqual(full.findings.map((f) => [f.cause, f.count]));
    expect(light.harmlessCount).toBe(6);
    expect(light.findings.map((f) => f.cause).sort()).toEqual(['no-live-upstreams', 'websocket-upgrade-missing']);
  });
});

describe('never silent', () => {
  it('explains an error no article claims from its errno and phase, linked to the closest article', () => {
    const line = '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (105: No buffer space available) while connecting to upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.0.9:8080/", host: "a"';
    const lines: LineResult[] = [];
    const r = analyze(line, { catalog, onLine: (l) => lines.push(l) });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ unclassified: true, cause: 'nginx-host-out-of-resources', url: '/causes/nginx-host-out-of-resources/', status: 502, confidence: 'low', count: 1 });
    expect(f.title).toContain('ENOBUFS');
    expect(f.note).toMatch(/opening the connection to the backend/);
    expect(f.note).toMatch(/502/);
    expect(lines[0]?.cause).toBe('nginx-host-out-of-resources');
  });

  it('gives a timeout in the header phase 504 and one in the body phase no new status', () => {
    const cut = (a: string) => `2026/11/22 23:58:07 [error] 1#1: *1 upstream timed out (110: Connection timed out) while ${a}, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.0.9:8080/", host: "a"`;
    expect(run(cut('reading response header from upstream')).findings[0]).toMatchObject({ cause: 'upstream-timed-out', status: 504 });
    const odd = run('2026/11/22 23:58:07 [alert] 1#1: *1 readv() failed (22: Invalid argument) while reading upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.0.9:8080/", host: "a"').findings[0]!;
    expect(odd).toMatchObject({ unclassified: true, cause: 'response-truncated-mid-body' });
    expect(odd.note).toMatch(/cut short/);
  });
});

describe('recognised lines', () => {
  it('counts lines recognised as anything, so "nothing recognised" is visible', () => {
    expect(run('just some words\nand more words\n').stats.recognisedLines).toBe(0);
    expect(run('').stats.recognisedLines).toBe(0);
    const r = run('2026/11/22 23:58:08 [info] 18503#18503: *2 client 127.0.0.1 closed keepalive connection\nnot a log line\n\n');
    expect(r.stats.recognisedLines).toBe(1);
    expect(r.stats.byKind).toMatchObject({ 'nginx-error': 1, unknown: 1, blank: 1 });
  });
});
