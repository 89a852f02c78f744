import { describe, expect, it } from 'vitest';
import { parseNginxContext, parseNginxErrorHead } from '../../../src/analyzer/parse/nginx-error.ts';
import { parseEvent } from '../../../src/analyzer/events/parse.ts';
import { eventFacts } from '../../../src/analyzer/events/facts.ts';

const REFUSED = '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"';
const SOCKET = '2026/11/22 23:58:21 [crit] 18503#18503: *41 connect() to unix:/tmp/ngxtest/missing.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /fcgi_missing HTTP/1.1", upstream: "fastcgi://unix:/tmp/ngxtest/missing.sock:", host: "127.0.0.1:18080"';

describe('nginx error-log head', () => {
  it('reads time, level and where the message starts', () => {
    const h = parseNginxErrorHead(REFUSED, 0)!;
    expect(h.time).toBe('2026-11-22T23:58:07');
    expect(h.level).toBe('error');
    expect(REFUSED.slice(h.msgStart)).toMatch(/^connect\(\) failed/);
  });
  it('accepts lines without a connection number (accept4 EMFILE)', () => {
    const line = '2026/11/22 23:59:37 [crit] 20566#20566: accept4() failed (24: Too many open files)';
    const h = parseNginxErrorHead(line, 0)!;
    expect(h.level).toBe('crit');
    expect(line.slice(h.msgStart)).toBe('accept4() failed (24: Too many open files)');
  });
  it('accepts nginx -t output and lines pasted without timestamp', () => {
    expect(parseNginxErrorHead('nginx: [emerg] host not found in upstream "backend.internal" in /srv/lab/conf/nginx-badhost.conf:23', 0)?.level).toBe('emerg');
    const noTs = '[error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream';
    const h = parseNginxErrorHead(noTs, 0)!;
    expect(h.time).toBeUndefined();
    expect(noTs.slice(h.msgStart)).toMatch(/^connect/);
  });
  it('rejects an unknown level ("err" is not nginx\'s word)', () => {
    expect(parseNginxErrorHead('2026/11/22 23:58:07 [err] 1#1: x', 0)).toBeNull();
  });
});

describe('nginx error-log context', () => {
  it('splits message, action and the client/server/request/upstream/host fields', () => {
    const ctx = parseNginxContext(REFUSED.slice(parseNginxErrorHead(REFUSED, 0)!.msgStart));
    expect(ctx).toMatchObject({
      message: 'connect() failed (111: Connection refused)',
      action: 'connecting to upstream',
      client: '127.0.0.1',
      server: 'test.local',
      request: 'GET /refused HTTP/1.1',
      upstream: 'http://127.0.0.1:19001/refused',
      host: '127.0.0.1:18080',
    });
  });
  it('derives the socket path and scheme from a fastcgi unix upstream (trailing colon)', () => {
    const facts = eventFacts(parseEvent(SOCKET)!, {});
    expect(facts.socket).toBe('/tmp/ngxtest/missing.sock');
    expect(facts.scheme).toBe('fastcgi');
  });
  it('keeps a request line that contains quotes and ", " intact', () => {
    const msg = 'upstream prematurely closed connection while reading response header from upstream, client: 1.2.3.4, server: a, request: "GET /x?a="b", c HTTP/1.1", upstream: "http://10.0.0.1:80/x", host: "a"';
    expect(parseNginxContext(msg).request).toBe('GET /x?a="b", c HTTP/1.1');
  });
  it('reads fields whose values hold `: "` or another field\'s name (client-controlled request, host and referrer)', () => {
    const head = 'upstream timed out (110: Connection timed out) while reading response header from upstream, client: 1.2.3.4, server: a';
    const c = parseNginxContext(`${head}, request: "GET /q?x=: "y HTTP/1.1", upstream: "http://10.0.0.1:80/q", host: "a: "b", referrer: "http://r/?u=", host: "evil"`);
    expect(c.request).toBe('GET /q?x=: "y HTTP/1.1');
    expect(c.upstream).toBe('http://10.0.0.1:80/q');
    expect(c.host).toBe('a: "b');
    expect(c.referrer).toBe('http://r/?u=", host: "evil');
    expect(c.server).toBe('a');
    expect(c.client).toBe('1.2.3.4');
    const plain = parseNginxContext(`${head}, request: "GET / HTTP/1.1", subrequest: "/auth", upstream: "http://10.0.0.1:80/auth", host: "a", referrer: "http://r/"`);
    expect(plain).toMatchObject({ request: 'GET / HTTP/1.1', subrequest: '/auth', upstream: 'http://10.0.0.1:80/auth', host: 'a', referrer: 'http://r/', server: 'a', client: '1.2.3.4', action: 'reading response header from upstream' });
  });
  it('reads the resolver suffix and the config-file suffix', () => {
    expect(parseNginxContext('send() failed (111: Connection refused) while resolving, resolver: 127.0.0.1:39053').resolver).toBe('127.0.0.1:39053');
    const c = parseNginxContext('host not found in upstream "backend.internal" in /srv/lab/conf/nginx-badhost.conf:23');
    expect(c.conf).toBe('/srv/lab/conf/nginx-badhost.conf:23');
    expect(c.message).toBe('host not found in upstream "backend.internal"');
  });
});
