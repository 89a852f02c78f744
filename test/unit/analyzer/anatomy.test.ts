import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { explainLine } from '../../../src/analyzer/anatomy.ts';

const catalog = loadCatalog(new URL('../../../content', import.meta.url).pathname);
const field = (a: ReturnType<typeof explainLine>, name: string) => a.fields.find((f) => f.name === name);

describe('per-line anatomy', () => {
  it('explains every part of an nginx line, with spans into the line', () => {
    const line = '2026/11/22 23:58:21 [crit] 1#1: *41 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "a"';
    const a = explainLine(line, catalog);
    expect(a.kind).toBe('nginx-error');
    expect(a.cause).toBe('php-fpm-socket-missing');
    expect(field(a, 'level')).toMatchObject({ value: 'crit' });
    expect(field(a, 'syscall')?.value).toBe('connect()');
    expect(field(a, 'errno')?.meaning).toMatch(/^ENOENT: /);
    expect(field(a, 'action')?.meaning).toMatch(/opening the connection to the backend/);
    expect(field(a, 'upstream.transport')?.value).toBe('unix');
    expect(field(a, 'upstream.path')?.value).toBe('/run/php/php8.2-fpm.sock');
    expect(field(a, 'status')?.value).toBe('502');
    for (const f of a.fields) if (f.span) expect(line.slice(f.span[0], f.span[1])).toBe(f.name === 'syscall' ? 'connect()' : f.value);
    expect(a.summary).toMatch(/→ 502/);
  });

  it('says what an errno is on the other platforms', () => {
    const a = explainLine('2020/01/01 00:00:00 [error] 1#2: *3 WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading response header from upstream, client: 1.1.1.1, server: a, request: "GET / HTTP/1.1", upstream: "http://10.0.0.1:8080/", host: "a"', catalog);
    expect(field(a, 'syscall')?.meaning).toMatch(/WSARecv\(\) is the Windows name of recv\(\)/);
    expect(field(a, 'errno')?.meaning).toMatch(/ECONNRESET.*10054 on Windows.*104 on Linux, 54 on FreeBSD\/macOS/);
    expect(a.cause).toBe('connection-reset-by-peer');
  });

  it('names a harmless line harmless, with the reason', () => {
    const a = explainLine('2026/11/22 23:58:08 [info] 18503#18503: *2 client 127.0.0.1 closed keepalive connection', catalog);
    expect(a.harmless).toBe(true);
    expect(a.summary).toMatch(/keep-alive/);
  });

  it('explains lines of other sources from their facts, and says when nothing is recognised', () => {
    const a = explainLine('[22-Nov-2026 23:58:07] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it', catalog);
    expect(a).toMatchObject({ kind: 'php-fpm', cause: 'php-fpm-max-children' });
    expect(field(a, 'pool')?.value).toBe('www');
    expect(field(a, 'max_children')?.span).toBeUndefined();
    expect(explainLine('garbage', catalog)).toMatchObject({ kind: 'unknown', fields: [] });
  });
});
