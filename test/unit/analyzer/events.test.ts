import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/analyzer/events/parse.ts';
import { resolveErrno, errnoSpellings } from '../../../src/analyzer/events/errno.ts';
import { parseSslQueue } from '../../../src/analyzer/events/ssl.ts';
import { parseUpstream } from '../../../src/analyzer/events/upstream.ts';
import { resolveAction } from '../../../src/analyzer/events/grammar.ts';
import { normaliseLine } from '../../../src/analyzer/events/normalise.ts';

const REFUSED =
  '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"';

describe('nginx error-log grammar → event', () => {
  it('reads every field of a raw line', () => {
    const ev = parseEvent(`${REFUSED}, referrer: "https://a.example/x, y"`)!;
    expect(ev).toMatchObject({
      level: 'error',
      time: '2026-11-22T23:58:07',
      template: 'connect() failed',
      syscall: 'connect',
      errno: { name: 'ECONNREFUSED', number: 111, platform: 'linux' },
      action: 'connecting to upstream',
      context: {
        client: '127.0.0.1',
        server: 'test.local',
        request: 'GET /refused HTTP/1.1',
        upstream: { scheme: 'http', transport: 'tcp', host: '127.0.0.1', port: 19001, uri: '/refused' },
        host: '127.0.0.1:18080',
        referrer: 'https://a.example/x, y',
      },
    });
  });

  it('reads the subrequest and a unix socket target', () => {
    const ev = parseEvent(
      '2026/11/22 23:58:21 [crit] 1#1: *41 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", subrequest: "/auth", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "a"',
    )!;
    expect(ev.template).toBe('connect() to %T failed');
    expect(ev.target).toBe('unix:/run/php/php8.2-fpm.sock');
    expect(ev.targetKind).toBe('unix');
    expect(ev.context.subrequest).toBe('/auth');
    expect(ev.context.upstream).toMatchObject({ scheme: 'fastcgi', transport: 'unix', path: '/run/php/php8.2-fpm.sock' });
    expect(ev.errno?.name).toBe('ENOENT');
  });

  it('unwraps shipper prefixes and reads stamp-less lines', () => {
    expect(parseEvent(`Dec  7 10:00:00 web nginx[812]: ${REFUSED}`)?.errno?.name).toBe('ECONNREFUSED');
    expect(parseEvent(`2026-11-22T23:58:07.123456789Z stderr F ${REFUSED}`)?.errno?.name).toBe('ECONNREFUSED');
    const bare = parseEvent(REFUSED.slice(REFUSED.indexOf('connect()')))!;
    expect(bare.level).toBeUndefined();
    expect(bare.syscall).toBe('connect');
    expect(parseEvent('hello world, this is not nginx')).toBeNull();
  });

  it('repairs re-spacing, full-width quotes and a cut line', () => {
    const ev = parseEvent(
      '2026/11/22 23:58:21 [crit] 1#1: *41 connect () to unix: /run/php.sock failed ( 13: Permission denied ) while connecting to upstream, client: 1.2.3.4, server: a, request: ＂GET / HTTP/1.1＂, upstream: ＂fastcgi://unix:/run/php.sock:＂, host: ＂a＂',
    )!;
    expect(ev).toMatchObject({ syscall: 'connect', target: 'unix:/run/php.sock', errno: { name: 'EACCES' }, normalised: true });
    expect(ev.context.upstream?.transport).toBe('unix');
    const cut = parseEvent('2026/11/22 23:58:07 [error] 1#1: *1 upstream timed out (110: Connection timed out) while reading response he…')!;
    expect(cut).toMatchObject({ template: 'upstream timed out', action: 'reading response header from upstream', truncated: true });
    const cutErrno = parseEvent('2026/11/22 23:58:07 [error] 1#1: *1 recv() failed (104: Connection res...')!;
    expect(cutErrno.errno?.name).toBe('ECONNRESET');
  });

  it('reads kevent() and WSARecv() as the call they report', () => {
    const k = parseEvent('2026/11/22 23:58:07 [error] 1#0: *1 kevent() reported that connect() failed (61: Connection refused) while connecting to upstream')!;
    expect(k).toMatchObject({ syscall: 'connect', via: 'kevent', template: 'connect() failed', errno: { name: 'ECONNREFUSED', platform: 'bsd' } });
    const w = parseEvent('2026/11/22 23:58:07 [error] 1#2: *1 WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading response header from upstream')!;
    expect(w).toMatchObject({ syscall: 'recv', syscallAs: 'WSARecv', template: 'recv() failed', errno: { name: 'ECONNRESET', platform: 'windows' } });
  });

  it('keeps resolver codes apart from errno', () => {
    const ev = parseEvent('2026/11/22 23:58:28 [error] 1#1: *76 backend.example could not be resolved (3: Host not found), client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", host: "a"')!;
    expect(ev).toMatchObject({ template: '%T could not be resolved', target: 'backend.example', code: 3, detail: 'Host not found' });
    expect(ev.errno).toBeUndefined();
  });

  it('reads the detail of a FastCGI stderr line and config-time files', () => {
    const f = parseEvent('2026/11/22 23:58:25 [error] 1#1: *45 FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "fastcgi://127.0.0.1:9000", host: "a"')!;
    expect(f).toMatchObject({ template: 'FastCGI sent in stderr: "%S"', detail: 'Primary script unknown' });
    const h = parseEvent('nginx: [emerg] host not found in upstream "backend:8080" in /etc/nginx/conf.d/default.conf:12')!;
    expect(h).toMatchObject({ level: 'emerg', template: 'host not found in upstream "%T"', target: 'backend:8080', context: { conf: '/etc/nginx/conf.d/default.conf:12' } });
  });
});

describe('errno table', () => {
  it('resolves every platform wording of one failure to one symbol', () => {
    expect(resolveErrno(110, 'Connection timed out')).toMatchObject({ name: 'ETIMEDOUT', platform: 'linux' });
    expect(resolveErrno(110, 'Operation timed out')).toMatchObject({ name: 'ETIMEDOUT', platform: 'linux' });
    expect(resolveErrno(60, 'Operation timed out')).toMatchObject({ name: 'ETIMEDOUT', platform: 'bsd' });
    expect(resolveErrno(24, 'No file descriptors available').name).toBe('EMFILE');
    expect(resolveErrno(54, 'Connection reset by peer')).toMatchObject({ name: 'ECONNRESET', platform: 'bsd' });
    expect(resolveErrno(10061, 'No connection could be made because the target machine actively refused it')).toMatchObject({ name: 'ECONNREFUSED', platform: 'windows' });
    expect(resolveErrno(111, 'Unknown error')).toMatchObject({ name: 'ECONNREFUSED', platform: 'linux' });
    expect(resolveErrno(99, 'Address not available').name).toBe('EADDRNOTAVAIL');
    expect(resolveErrno(65, 'No route to host').name).toBe('EHOSTUNREACH');
    expect(resolveErrno(11, 'Operation would block').name).toBe('EAGAIN');
    expect(resolveErrno(9999, 'Something else').name).toBe('E?9999');
  });

  it('lists glibc, musl, BSD, Windows and "Unknown error" spellings', () => {
    const platforms = new Set(errnoSpellings('ECONNREFUSED').map((s) => s.platform));
    expect([...platforms].sort()).toEqual(['bsd', 'glibc', 'musl', 'unknown-error', 'windows']);
    for (const s of errnoSpellings('ETIMEDOUT')) expect(resolveErrno(s.number, s.text).name).toBe('ETIMEDOUT');
  });
});

describe('SSL reason table', () => {
  it('normalises OpenSSL 3, 1.1, 1.0.2, BoringSSL and LibreSSL wordings', () => {
    expect(parseSslQueue('error:0A00010B:SSL routines::wrong version number')).toMatchObject({ reason: 'wrong version number', library: 'openssl-3' });
    expect(parseSslQueue('error:1408F10B:SSL routines:ssl3_get_record:wrong version number')).toMatchObject({ reason: 'wrong version number', library: 'openssl-1.1' });
    expect(parseSslQueue('error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol')).toMatchObject({ reason: 'wrong version number', library: 'openssl-1.0' });
    expect(parseSslQueue('error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER')).toMatchObject({ reason: 'wrong version number', library: 'boringssl' });
    expect(parseSslQueue('error:14004410:SSL routines:CONNECT_CR_SRVR_HELLO:sslv3 alert handshake failure')).toMatchObject({ reason: 'sslv3 alert handshake failure', alert: 40 });
    expect(parseSslQueue('error:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE')).toMatchObject({ reason: 'sslv3 alert handshake failure', alert: 40 });
    expect(parseSslQueue('error:0A000438:SSL routines::tlsv1 alert internal error:SSL alert number 80')).toMatchObject({ reason: 'tlsv1 alert internal error', alert: 80 });
  });
});

describe('small readers', () => {
  it('splits upstream values', () => {
    expect(parseUpstream('http://unix:/tmp/x.sock:/path')).toMatchObject({ transport: 'unix', path: '/tmp/x.sock', uri: '/path' });
    expect(parseUpstream('http://unix:/tmp/x.sock/path')).toMatchObject({ transport: 'unix', path: '/tmp/x.sock', uri: '/path' });
    expect(parseUpstream('http://[::1]:3000/v6')).toMatchObject({ transport: 'tcp', host: '::1', port: 3000, uri: '/v6' });
    expect(parseUpstream('http://dead/nolive')).toMatchObject({ host: 'dead', uri: '/nolive' });
    expect(parseUpstream('grpc://10.0.0.2:50051')).toMatchObject({ scheme: 'grpc', host: '10.0.0.2', port: 50051 });
  });

  it('resolves a cut-short action only when it is unambiguous', () => {
    expect(resolveAction('reading response he')).toBe('reading response header from upstream');
    expect(resolveAction('reading client request')).toBe('reading client request');
    expect(resolveAction('reading')).toBeUndefined();
  });

  it('leaves a clean line untouched', () => {
    expect(normaliseLine(REFUSED)).toEqual({ text: REFUSED, changed: false, truncated: false });
  });
});
