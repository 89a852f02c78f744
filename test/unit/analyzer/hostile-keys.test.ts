/**
 * Log text used as a key: bounded tallies, and no prototype lookups. A value
 * reading `constructor` or `__proto__` is an ordinary value, in the engine
 * (the browser gets the report through structuredClone, which refuses the
 * functions a prototype lookup would have put there) and in the CLI.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, analyze } from '../../../src/analyzer/index.ts';
import { MAX_TALLY_KEYS } from '../../../src/analyzer/limits.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { main } from '../../../src/cli/main.ts';
import { CHECKOUT } from '../../../src/cli/checkout.ts';
import { PassThrough } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const catalog = loadCatalog('content');
const PROTO_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

function hostileInput(): string {
  return PROTO_WORDS.flatMap((w) => [
    w,
    `Server: ${w}`,
    `2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: ${w}, request: "GET /${w} HTTP/1.1", upstream: "http://${w}:9000/", host: "${w}"`,
    `2026/11/22 23:58:07 [${w}] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: ${w}, request: "GET /${w} HTTP/1.1", upstream: "http://127.0.0.1:9000/", host: "${w}"`,
    `127.0.0.1 - ${w} [22/Nov/2026:23:58:07 +0000] "GET /${w} HTTP/1.1" 502 157 "-" "${w}" us="${w}" ua="127.0.0.1:9000"`,
    `127.0.0.1 - - [22/${w}/2026:23:58:07 +0000] "GET / HTTP/1.1" 502 157 "-" "curl/8.0"`,
    `{"status":"${w}","upstream_status":"${w}","${w}":"1","time_local":"22/Nov/2026:23:58:07 +0000"}`,
    `${w} = 5`,
    `proxy_read_timeout 5${w};`,
  ]).join('\n');
}

describe('log text as keys', () => {
  it('a line reading constructor, __proto__ … gives a report that survives structuredClone and JSON', () => {
    const report = analyze(hostileInput(), { catalog });
    const cloned = structuredClone(report); // throws DataCloneError on a function value
    expect(JSON.parse(JSON.stringify(cloned))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(report.producer).toBeUndefined();
    for (const table of [report.stats.byLevel, report.stats.statuses, report.stats.upstreamStatuses, report.stats.byKind]) {
      for (const v of Object.values(table)) expect(typeof v).toBe('number');
    }
    expect(report.stats.upstreamStatuses.constructor).toBe(1);
    expect(Object.getPrototypeOf(report.stats.upstreamStatuses)).toBeNull();
    expect(report.findings.some((f) => f.cause === 'connection-refused')).toBe(true);
  });

  it('the CLI prints every format for the same input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bg-proto-'));
    const file = join(dir, 'in.log');
    writeFileSync(file, hostileInput());
    for (const format of ['text', 'json', 'markdown', 'jira', 'jsonl']) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      const code = await main(['analyze', file, '--format', format], { stdin: new PassThrough(), stdout, stderr, env: {} }, CHECKOUT);
      expect(code, format).toBe(1);
      expect(out, format).not.toContain('function ');
      expect(out, format).not.toContain('[native code]');
    }
  });

  it('bounds statuses, upstream statuses and levels whatever the number of distinct values', () => {
    const a = new Analyzer({ catalog });
    const n = 20_000;
    for (let i = 0; i < n; i++) a.push(`127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" ${100 + (i % 900)} 1 "-" "c" us="u${i}" ua="127.0.0.1:9000"\n`);
    const r = a.end();
    expect(Object.keys(r.stats.upstreamStatuses).length).toBeLessThanOrEqual(MAX_TALLY_KEYS + 1);
    expect(Object.keys(r.stats.statuses).length).toBeLessThanOrEqual(MAX_TALLY_KEYS + 1);
    expect(r.stats.upstreamStatuses['(other)']).toBe(n - MAX_TALLY_KEYS);
    expect(Object.values(r.stats.upstreamStatuses).reduce((x, y) => x + y, 0)).toBe(n);
  });
});
