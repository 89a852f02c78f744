/**
 * The per-line anatomy the analyzer page shows on click (src/analyzer/anatomy.ts):
 * the contract the page relies on, whichever parser fills it.
 */
import { describe, expect, it } from 'vitest';
import { explainLine } from '../../../src/analyzer/anatomy.ts';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';

const catalog = fixtureCatalog();
const REFUSED = '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"';
const SOCKET = '2026/11/22 23:58:21 [crit] 18503#18503: *41 connect() to unix:/tmp/ngxtest/missing.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /fcgi_missing HTTP/1.1", upstream: "fastcgi://unix:/tmp/ngxtest/missing.sock:", host: "127.0.0.1:18080"';

const byName = (a: ReturnType<typeof explainLine>, name: string) => a.fields.find((f) => f.name === name);

describe('explainLine', () => {
  it('takes an nginx upstream error apart: level, syscall, errno meaning, phase, upstream parts, status, cause', () => {
    const a = explainLine(REFUSED, catalog);
    expect(a).toMatchObject({ line: REFUSED, kind: 'nginx-error', cause: 'connection-refused' });
    expect(byName(a, 'level')).toMatchObject({ value: 'error' });
    expect(byName(a, 'syscall')).toMatchObject({ value: 'connect()' });
    expect(byName(a, 'errno')?.value).toBe('111: Connection refused');
    expect(byName(a, 'errno')?.meaning).toMatch(/ECONNREFUSED/);
    expect(byName(a, 'action')?.meaning).toMatch(/^nginx was /);
    expect(byName(a, 'upstream.host')?.value).toBe('127.0.0.1');
    expect(byName(a, 'upstream.port')?.value).toBe('19001');
    expect(byName(a, 'status')?.value).toBe('502');
    expect(a.summary).toContain('Upstream refused the connection');
  });

  it('gives spans that point at the value in the line, through a shipper prefix', () => {
    const wrapped = `web-1  | ${SOCKET}`;
    const a = explainLine(wrapped, catalog);
    expect(byName(a, 'wrapper')?.span).toEqual([0, 'web-1  | '.length]);
    expect(byName(a, 'upstream.path')?.value).toBe('/tmp/ngxtest/missing.sock');
    for (const f of a.fields) if (f.span) expect(wrapped.slice(f.span[0], f.span[1]), f.name).toBe(f.name === 'wrapper' ? 'web-1  | ' : f.value);
    expect(a.cause).toBe('php-fpm-socket-missing');
  });

  it('labels facts of other logs and never points a number at a longer number', () => {
    const line = '10.0.0.502 - - [22/Nov/2026:23:58:07 +0000] "GET /x502 HTTP/1.1" 502 157 "-" "curl/7.88.1"';
    const a = explainLine(line, catalog);
    expect(a.kind).toBe('nginx-access');
    const status = a.fields.filter((f) => f.name === 'status');
    expect(status).toHaveLength(1);
    expect(status[0]!.label).toBe('Status sent');
    // 502 also stands in the address and the path: a span, if any, must be the status field's.
    if (status[0]!.span) expect(status[0]!.span).toEqual([line.indexOf('" 502 ') + 2, line.indexOf('" 502 ') + 5]);
  });

  it('names notice noise harmless and junk unrecognised, without inventing a cause', () => {
    const notice = explainLine('2026/11/22 23:58:07 [notice] 1#1: signal process started', catalog);
    expect(notice.harmless).toBe(true);
    expect(notice.cause).toBeUndefined();
    const junk = explainLine('hello world, nothing to see', catalog);
    expect(junk.kind).toBe('unknown');
    expect(junk.cause).toBeUndefined();
    expect(junk.summary).toMatch(/not recognised/i);
  });
});
