import { describe, expect, it } from 'vitest';
import { parseCombined } from '../../../src/analyzer/parse/access-log.ts';
import { compileLogFormat, parseWithFormat } from '../../../src/analyzer/parse/log-format.ts';
import { parseJsonLine } from '../../../src/analyzer/parse/json-access.ts';

describe('combined / common / main scanner', () => {
  it('parses combined with the lab key=value upstream tail', () => {
    const r = parseCombined('127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET /refused HTTP/1.1" 502 157 "-" "curl/7.88.1" us="502" ua="127.0.0.1:19001" uct="-" uht="-"', 0)!;
    expect(r).toMatchObject({ format: 'combined', client: '127.0.0.1', time: '2026-11-22T23:58:07', method: 'GET', uri: '/refused', status: 502, bytes: 157, upstreamStatus: '502', upstreamAddr: '127.0.0.1:19001' });
  });
  it('keeps ", " and " : " lists in upstream values (retries and internal redirects)', () => {
    const r = parseCombined('10.0.0.5 - - [22/Nov/2026:23:58:07 +0000] "GET /a?x=1 HTTP/1.1" 200 2 "-" "curl/7.88.1" us="502, 504, 200" ua="127.0.0.1:19001, 127.0.0.1:19002, 127.0.0.1:19019" urt=0.000, 1.001 : 0.002 rt=1.004', 0)!;
    expect(r.upstreamStatus).toBe('502, 504, 200');
    expect(r.upstreamAddr).toBe('127.0.0.1:19001, 127.0.0.1:19002, 127.0.0.1:19019');
    expect(r.upstreamResponseTime).toBe('0.000, 1.001 : 0.002');
    expect(r.requestTime).toBe(1.004);
    expect(r.uri).toBe('/a');
  });
  it('parses common (no referer/agent) and main (+ "$http_x_forwarded_for")', () => {
    expect(parseCombined('192.0.2.1 - alice [22/Nov/2026:23:58:07 +0000] "POST /login HTTP/1.1" 504 167', 0)).toMatchObject({ format: 'common', status: 504, bytes: 167 });
    expect(parseCombined('192.0.2.1 - - [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 200 5 "-" "ua" "203.0.113.9"', 0)).toMatchObject({ format: 'main', xff: '203.0.113.9' });
  });
  it('parses the ingress-nginx upstream tail', () => {
    const r = parseCombined('10.244.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET /api HTTP/1.1" 502 150 "-" "curl/8.0" 79 0.001 [default-api-80] [] 10.244.1.5:8080, 10.244.1.6:8080 0, 0 0.000, 0.001 502, 502 3f2c1b0d9a8e7f6a5b4c3d2e1f0a9b8c', 0)!;
    expect(r.format).toBe('ingress');
    expect(r.upstreamAddr).toBe('10.244.1.5:8080, 10.244.1.6:8080');
    expect(r.upstreamStatus).toBe('502, 502');
    expect(r.requestTime).toBe(0.001);
  });
  it('returns 009 for an HTTP/0.9 pass-through status as a number', () => {
    expect(parseCombined('127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET /s13 HTTP/1.1" 009 24 "-" "curl/7.88.1"', 0)?.status).toBe(9);
  });
  it('rejects lines that are not access logs', () => {
    expect(parseCombined('2026/11/22 23:58:07 [error] 1#1: *1 x', 0)).toBeNull();
    expect(parseCombined('hello world [not a date] "x" 200', 0)).toBeNull();
  });
});

describe('pasted log_format', () => {
  const directive = `log_format upstreamlog '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                      'upstream=$upstream_addr us=$upstream_status urt=$upstream_response_time rt=$request_time';`;
  it('compiles into a parser for the lines that follow', () => {
    const fmt = compileLogFormat(directive)!;
    expect(fmt.name).toBe('upstreamlog');
    const r = parseWithFormat(fmt, '10.1.1.1 [22/Nov/2026:23:58:07 +0000] "GET /api HTTP/1.1" 504 167 upstream=10.0.0.2:8080, 10.0.0.3:8080 us=504, 504 urt=60.001, 60.002 rt=120.004', 0)!;
    expect(r).toMatchObject({ client: '10.1.1.1', status: 504, upstreamAddr: '10.0.0.2:8080, 10.0.0.3:8080', upstreamStatus: '504, 504', upstreamResponseTime: '60.001, 60.002', requestTime: 120.004, time: '2026-11-22T23:58:07' });
  });
  it('returns null when the literals do not line up', () => {
    expect(parseWithFormat(compileLogFormat(directive)!, 'garbage line', 0)).toBeNull();
  });
  it('compiles escape=json formats into a key map', () => {
    const fmt = compileLogFormat(`log_format j escape=json '{"ts":"$time_iso8601","code":"$status","up":"$upstream_addr","ust":"$upstream_status"}';`)!;
    expect(fmt.json).toEqual({ ts: 'time_iso8601', code: 'status', up: 'upstream_addr', ust: 'upstream_status' });
    const j = parseJsonLine('{"ts":"2026-11-22T23:58:07+00:00","code":"502","up":"10.0.0.2:8080","ust":"502","request":"GET / HTTP/1.1"}', fmt);
    expect(j?.kind === 'access' && j.record).toMatchObject({ status: 502, upstreamAddr: '10.0.0.2:8080', upstreamStatus: '502', time: '2026-11-22T23:58:07' });
  });
});

describe('JSON lines', () => {
  it('maps common keys without a log_format', () => {
    const j = parseJsonLine('{"time_local":"22/Nov/2026:23:58:07 +0000","remote_addr":"10.0.0.1","request":"GET /x HTTP/1.1","status":504,"request_time":"60.002","upstream_status":"504"}', undefined);
    expect(j?.kind).toBe('access');
    if (j?.kind === 'access') expect(j.record).toMatchObject({ status: 504, requestTime: 60.002, uri: '/x', time: '2026-11-22T23:58:07' });
  });
  it("unwraps Docker's json-file lines", () => {
    expect(parseJsonLine('{"log":"2026/11/22 23:58:07 [error] 1#1: x\\n","stream":"stderr","time":"2026-11-22T23:58:07Z"}', undefined)).toEqual({ kind: 'wrapped', inner: '2026/11/22 23:58:07 [error] 1#1: x' });
  });
  it('returns null for invalid JSON', () => {
    expect(parseJsonLine('{"status": 5', undefined)).toBeNull();
  });
});
