import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../src/analyzer/lines/split.ts';
import { unwrap } from '../../../src/analyzer/detect/prefixes.ts';
import { MAX_LINE_KEEP } from '../../../src/analyzer/limits.ts';

const NGINX = '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1';

function split(chunks: string[]): [string, number][] {
  const out: [string, number][] = [];
  const s = new LineSplitter((t, n) => out.push([t, n]));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('LineSplitter', () => {
  it('carries a partial line across chunks', () => {
    expect(split(['ab', 'c\nde', 'f\n', 'g']).map((x) => x[0])).toEqual(['abc', 'def', 'g']);
  });
  it('strips CR of CRLF line ends, also when CR and LF arrive in different chunks', () => {
    expect(split(['a\r\nb\r', '\nc']).map((x) => x[0])).toEqual(['a', 'b', 'c']);
  });
  it('keeps an empty line between two newlines and emits no phantom line at the end', () => {
    expect(split(['a\n\nb\n']).map((x) => x[0])).toEqual(['a', '', 'b']);
  });
  it('cuts an over-long line but reports its full length', () => {
    const big = 'x'.repeat(MAX_LINE_KEEP * 3);
    const out = split([big.slice(0, 10000), big.slice(10000), '\nnext\n']);
    expect(out[0]![0].length).toBe(MAX_LINE_KEEP);
    expect(out[0]![1]).toBe(MAX_LINE_KEEP * 3);
    expect(out[1]![0]).toBe('next');
  });
});

describe('unwrap (log shipper prefixes)', () => {
  const cases: [string, string, string | undefined][] = [
    ['syslog RFC 3164', `Nov 22 23:58:07 web01 nginx[123]: ${NGINX}`, 'nginx'],
    ['syslog with PRI (nginx error_log syslog:)', `<187>Nov 22 23:58:07 web01 nginx: ${NGINX}`, 'nginx'],
    ['RFC 5424', `<190>1 2026-11-22T23:58:07.123Z web01 nginx 123 - - ${NGINX}`, 'nginx'],
    ['journalctl -o short-iso', `2026-11-22T23:58:07+0000 web01 nginx[123]: ${NGINX}`, 'nginx'],
    ['docker compose', `web-1  | ${NGINX}`, 'web-1'],
    ['Kubernetes CRI', `2026-11-22T23:58:07.123456789Z stderr F ${NGINX}`, undefined],
    ['kubectl logs --prefix', `[pod/ingress-nginx-controller-7d9f/controller] ${NGINX}`, undefined],
    ['compose + syslog', `nginx_1  | Nov 22 23:58:07 web01 nginx[123]: ${NGINX}`, 'nginx'],
  ];
  for (const [name, line, tag] of cases) {
    it(`strips ${name}`, () => {
      const u = unwrap(line, '2026');
      expect(line.slice(u.offset)).toBe(NGINX);
      expect(u.tag).toBe(tag);
    });
  }
  it('takes the time of a dated wrapper and borrows the year for syslog', () => {
    expect(unwrap(`2026-11-22T23:58:07.1Z stdout F hello`).time).toBe('2026-11-22T23:58:07');
    expect(unwrap(`Nov  2 03:04:05 h kernel: x`, '2026').time).toBe('2026-11-02T03:04:05');
  });
  it('leaves unwrapped lines alone', () => {
    expect(unwrap(NGINX).offset).toBe(0);
    expect(unwrap('127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 200 1').offset).toBe(0);
  });
  it('strips the dmesg timestamp and marks the kernel', () => {
    const u = unwrap('[12345.678901] Out of memory: Killed process 1234 (php-fpm8.2)');
    expect(u.tag).toBe('kernel');
  });
});
