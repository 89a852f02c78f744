/** Inputs as they lie on disk: gzip, UTF-16, several files and globs merged in time order, stdin, --since. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';
import { decodeText, sniffEncoding } from '../../../src/cli/input/decode.ts';
import { globToRegExp } from '../../../src/cli/input/glob.ts';
import { lineTime, parseSince } from '../../../src/cli/input/line-time.ts';
import { mergeByTime } from '../../../src/cli/input/merge.ts';
import { MAX_LINE_CHARS, splitLines } from '../../../src/cli/input/lines.ts';
import { LineMap } from '../../../src/cli/input/line-map.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/badgateway.mjs');
let dir = '';
let catalogFile = '';

// Real lines from the lab (src/data/lab-record.json, s01 and s05-style) with times set for the merge tests.
const refused = (t: string, n: number) =>
  `2026/11/23 ${t} [error] 26962#26962: *${n} connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: lab.test, request: "GET /api/orders?rid=${n} HTTP/1.1", upstream: "http://127.0.0.1:64479/api/orders?rid=${n}", host: "127.0.0.1:64485"`;
const missing = (t: string, n: number) =>
  `2026/11/23 ${t} [crit] 18503#18503: *${n} connect() to unix:/tmp/ngxtest/missing.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /fcgi_missing HTTP/1.1", upstream: "fastcgi://unix:/tmp/ngxtest/missing.sock:", host: "127.0.0.1:18080"`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'badgateway-inputs-'));
  catalogFile = join(dir, 'catalog.json');
  writeFileSync(catalogFile, JSON.stringify(fixtureCatalog()));
});

function cli(args: string[], input?: Buffer | string) {
  const r = spawnSync(NODE, [BIN, ...args, '--catalog', catalogFile], { input, encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const jsonl = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; cause: string | null; facts: Record<string, string> });

describe('badgateway analyze: inputs as they lie on disk', () => {
  it('reads gzip by its magic bytes (a rotated .gz, and zcat-less gzip on stdin)', () => {
    writeFileSync(join(dir, 'error.log.2.gz'), gzipSync(`${refused('02:00:00', 1)}\n`));
    const r = cli(['analyze', 'error.log.2.gz', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(jsonl(r.out)[0]!.cause).toBe('connection-refused');
    const s = cli(['analyze', '-', '--format', 'jsonl'], gzipSync(`${missing('02:00:00', 2)}\n`));
    expect(jsonl(s.out)[0]!.cause).toBe('php-fpm-socket-missing');
  });

  it('reads UTF-16 LE and BE, with and without a byte-order mark', () => {
    const text = `${refused('02:00:00', 1)}\r\n`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const cases: [string, Buffer][] = [
      ['le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
      ['le', le],
      ['be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
      ['be', be],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, `${name}.log`), bytes);
      const r = cli(['analyze', `${name}.log`, '--format', 'jsonl']);
      expect(r.code, name).toBe(1);
      expect(jsonl(r.out)[0], name).toMatchObject({ line: 1, cause: 'connection-refused', facts: { upstream: 'http://127.0.0.1:64479/api/orders?rid=1' } });
    }
  });

  it('merges several files in time order, and expands a quoted glob itself', () => {
    writeFileSync(join(dir, 'app.log'), `${refused('02:00:03', 3)}\n${refused('02:00:01', 1)}\n`.replace(/02:00:01/, '02:00:05'));
    writeFileSync(join(dir, 'app.log.1'), `${missing('02:00:02', 2)}\n`);
    writeFileSync(join(dir, 'app.log.2.gz'), gzipSync(`${missing('02:00:00', 0)}\n`));
    // The pattern reaches the CLI quoted, as from cron or `sh -c`.
    const r = cli(['analyze', 'app.log*', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const lines = jsonl(r.out);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    expect(lines.map((l) => l.cause)).toEqual(['php-fpm-socket-missing', 'php-fpm-socket-missing', 'connection-refused', 'connection-refused']);
    expect(lines.map((l) => l.facts.request)).toEqual(['GET /fcgi_missing HTTP/1.1', 'GET /fcgi_missing HTTP/1.1', 'GET /api/orders?rid=3 HTTP/1.1', 'GET /api/orders?rid=1 HTTP/1.1']);
    expect(cli(['analyze', 'nomatch*.log']).err).toMatch(/no file matches nomatch\*\.log/);
  });

  it('--since keeps the lines logged from then on (ISO time here; 30m/2h/1d are relative to now)', () => {
    writeFileSync(join(dir, 'since.log'), `${missing('01:00:00', 1)}\n${refused('02:00:00', 2)}\n  a continuation line\n`);
    const r = cli(['analyze', 'since.log', '--since', '2026-11-23T01:30', '--format', 'jsonl']);
    expect(jsonl(r.out).map((l) => l.cause)).toEqual(['connection-refused', null]);
    const quiet = cli(['analyze', 'since.log', '--since', '2026-11-24', '--format', 'json']);
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
    expect(JSON.parse(quiet.out).stats.lines).toBe(0);
    const now = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = (d: Date) => `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    const old = new Date(now.getTime() - 3 * 3600e3);
    const recent = new Date(now.getTime() - 5 * 60e3);
    writeFileSync(join(dir, 'rel.log'), `${missing('00:00:00', 1).replace(/^\S+ \S+/, stamp(old))}\n${refused('00:00:00', 2).replace(/^\S+ \S+/, stamp(recent))}\n`);
    expect(jsonl(cli(['analyze', 'rel.log', '--since', '30m', '--format', 'jsonl']).out).map((l) => l.cause)).toEqual(['connection-refused']);
    expect(jsonl(cli(['analyze', 'rel.log', '--since', '1d', '--format', 'jsonl']).out)).toHaveLength(2);
  });
});

describe('input helpers', () => {
  it('sniffs UTF-16 from NUL bytes, not random bytes', () => {
    expect(sniffEncoding(Buffer.from('hello world', 'utf16le'))).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from('hello world', 'utf16le').swap16())).toBe('utf-16be');
    expect(sniffEncoding(Buffer.from('hello world'))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x90, 0x13, 0x00]))).toBe('utf-8');
  });

  it('decodes a UTF-16 character split across chunks', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('→ a line\n', 'utf16le')]);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    let text = '';
    for await (const c of decodeText(chunks(), 'x')) text += c.text;
    expect(text).toBe('→ a line\n');
  });

  it('reads line times of nginx, access, ISO, PHP-FPM and syslog lines', () => {
    const local = new Date(2026, 10, 23, 2, 17, 7).getTime();
    expect(lineTime('2026/11/23 02:17:07 [error] 1#1: x')).toBe(local);
    expect(lineTime('Nov 23 02:17:08 web nginx[1]: 2026/11/23 02:17:07 [error] 1#1: x', new Date(2026, 11, 1).getTime())).toBe(new Date(2026, 10, 23, 2, 17, 8).getTime());
    expect(lineTime('127.0.0.1 - - [23/Nov/2026:02:17:07 +0100] "GET / HTTP/1.1" 502 1')).toBe(Date.UTC(2026, 10, 23, 1, 17, 7));
    expect(lineTime('{"time":"2026-11-23T02:17:07.250Z","status":502}')).toBe(Date.UTC(2026, 10, 23, 2, 17, 7, 250));
    expect(lineTime('[23-Nov-2026 02:17:07] WARNING: [pool www] server reached pm.max_children setting (5)')).toBe(local);
    expect(lineTime('    at Object.<anonymous> (/app/index.js:1:1)')).toBeUndefined();
  });

  it('parses --since', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(parseSince('30m', now)).toBe(now - 30 * 60e3);
    expect(parseSince('2h', now)).toBe(now - 2 * 3600e3);
    expect(parseSince('1d', now)).toBe(now - 86400e3);
    expect(parseSince('2026-11-23T02:00Z', now)).toBe(Date.UTC(2026, 10, 23, 2, 0));
    expect(parseSince('2026-11-23', now)).toBe(new Date(2026, 10, 23).getTime());
    expect(parseSince('yesterday', now)).toBeUndefined();
    expect(parseSince('2026-13-01', now)).toBeUndefined();
  });

  it('expands globs in the file name', () => {
    expect(globToRegExp('error.log*').test('error.log.2.gz')).toBe(true);
    expect(globToRegExp('error.log*').test('access.log')).toBe(false);
    expect(globToRegExp('e?ror.[0-9].gz').test('error.1.gz')).toBe(true);
    expect(globToRegExp('a+b(*').test('a+b(c')).toBe(true);
  });

  it('merges by time: time-less lines follow their line, equal times keep the source order', async () => {
    async function* src(lines: string[]) {
      for (const text of lines) yield { text, bytes: text.length + 1 };
    }
    const t = (s: string) => (/^T(\d+)/.exec(s) ? Number(/^T(\d+)/.exec(s)![1]) : undefined);
    const out: string[] = [];
    for await (const l of mergeByTime([src(['conf', 'T5 a', 'cont a', 'T9 b']), src(['T1 c', 'T5 d', 'T7 e'])], { timeOf: t })) out.push(l.text);
    expect(out).toEqual(['conf', 'T1 c', 'T5 a', 'cont a', 'T5 d', 'T7 e', 'T9 b']);
    const since: string[] = [];
    let dropped = 0;
    for await (const l of mergeByTime([src(['T1 a', 'cont', 'T6 b'])], { timeOf: t, since: 5, onDropped: () => dropped++ })) since.push(l.text);
    expect(since).toEqual(['T6 b']);
    expect(dropped).toBe(1);
  });

  it('splits lines across chunks and keeps a last line without newline', async () => {
    async function* chunks() {
      yield { text: 'ab', bytes: 2 };
      yield { text: 'c\nd\r\ne', bytes: 6 };
    }
    const got: string[] = [];
    for await (const l of splitLines(chunks())) got.push(l.text);
    expect(got).toEqual(['abc', 'd\r', 'e']);
    async function* endless() {
      const piece = 'x'.repeat(1 << 20);
      for (let i = 0; i < 20; i++) yield { text: piece, bytes: piece.length };
      yield { text: '\nnext', bytes: 5 };
    }
    const long: string[] = [];
    for await (const l of splitLines(endless())) long.push(l.text);
    expect(long.map((l) => l.length)).toEqual([MAX_LINE_CHARS, 4]);
  });

  it('maps merged lines back to files, and nginx -T dumps to their configuration files', () => {
    const m = new LineMap(['dump.txt', 'error.log']);
    const dump = ['# configuration file /etc/nginx/nginx.conf:', 'events {}', '# configuration file /etc/nginx/conf.d/app.conf:', 'server {', '  proxy_read_timeout 1s;'];
    dump.forEach((l, i) => m.add(i + 1, 0, i + 1, l));
    m.add(6, 1, 1, 'x');
    expect(m.locate(2)).toEqual({ path: '/etc/nginx/nginx.conf', line: 1 });
    expect(m.locate(5)).toEqual({ path: '/etc/nginx/conf.d/app.conf', line: 2 });
    expect(m.locate(6)).toEqual({ path: 'error.log', line: 1 });
  });
});
