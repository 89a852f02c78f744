/**
 * One large file is read in blocks by worker threads (src/cli/parallel/): the
 * report is the same for any number of threads, and equals the engine's
 * report of the file read whole.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../../../src/analyzer/index.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { mixedParts } from '../../fixtures/blocks/mixed-input.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/badgateway.mjs');
const catalog = loadCatalog(join(ROOT, 'content'));
let dir = '';
let file = '';
let text = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'badgateway-threads-'));
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog));
  text = mixedParts(3000).join('');
  file = join(dir, 'mixed.log');
  writeFileSync(file, text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI on the file, cut into blocks of `block` bytes (so a small file makes many blocks). */
function cli(args: string[], block: number) {
  const r = spawnSync(NODE, [BIN, 'analyze', file, '--catalog', join(dir, 'catalog.json'), ...args], { encoding: 'utf8', env: { ...process.env, BADGATEWAY_BLOCK_BYTES: String(block) }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('badgateway analyze: one large file on several threads', () => {
  it('gives the same report with 1, 2 or 3 threads, equal to the file read whole', () => {
    const one = cli(['--format', 'json', '--jobs', '1'], 16_384);
    expect(one.err).not.toMatch(/error while reading|worker/);
    expect(one.code).toBe(1);
    const report = JSON.parse(one.out) as { stats: { lines: number } };
    expect(report.stats.lines).toBe(text.split('\n').length - 1);
    expect(cli(['--format', 'json', '--jobs', '2'], 16_384).out).toBe(one.out);
    expect(cli(['--format', 'json', '--jobs', '3'], 16_384).out).toBe(one.out);
    const whole = new Analyzer({ catalog });
    whole.push(text, Buffer.byteLength(text));
    expect(one.out).toBe(`${JSON.stringify(whole.end(), null, 2)}\n`);
  });

  it('gives the same text report whatever the block size', () => {
    const a = cli(['--format', 'markdown', '--jobs', '2'], 8192);
    expect(a.code).toBe(1);
    expect(a.out).toContain('connection-refused');
    expect(cli(['--format', 'markdown', '--jobs', '2'], 1 << 20).out).toBe(a.out);
  });

  it('refuses a --jobs that is not a number of threads', () => {
    for (const bad of ['0', 'x', '-1', '1000']) {
      const r = cli(['--jobs', bad], 16_384);
      expect(r.code, bad).toBe(2);
      expect(r.err).toMatch(/--jobs takes a number of threads/);
    }
  });
});

describe('the worker threads themselves failing', () => {
  it('is reported as ThreadsFailed, so the CLI reads the file in one thread instead', async () => {
    const { analyzeInWorkers } = await import('../../../src/cli/parallel/pool.ts');
    const { ThreadsFailed } = await import('../../../src/analyzer/parallel/schedule.ts');
    const broken = new URL('data:text/javascript,throw new Error("this worker cannot start")');
    const size = Buffer.byteLength(text);
    await expect(analyzeInWorkers({ file, size, catalog, jobs: 2, entry: broken, blockBytes: 65_536 })).rejects.toBeInstanceOf(ThreadsFailed);
  });
});

describe('a large file that does not cut into blocks', () => {
  it('is read in one thread when a very long line would make one block huge (same report)', async () => {
    const long = join(dir, 'long-line.log');
    const lines = text.split('\n').slice(0, 400);
    lines.splice(200, 0, `2026/11/22 23:58:07 [error] 812#812: *1 upstream sent too big header while reading response header from upstream, client: 10.0.0.1, server: x, request: "GET /${'a'.repeat(200_000)} HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "x"`);
    writeFileSync(long, `${lines.join('\n')}\n`);
    const run = (jobs: string) => spawnSync(NODE, [BIN, 'analyze', long, '--catalog', join(dir, 'catalog.json'), '--format', 'json', '--jobs', jobs], { encoding: 'utf8', env: { ...process.env, BADGATEWAY_BLOCK_BYTES: '16384' }, maxBuffer: 64 << 20 });
    const two = run('2');
    expect(two.status).toBe(1);
    expect(two.stderr).not.toMatch(/worker threads failed|error while reading/);
    const whole = new Analyzer({ catalog });
    const content = `${lines.join('\n')}\n`;
    whole.push(content, Buffer.byteLength(content));
    expect(two.stdout).toBe(`${JSON.stringify(whole.end(), null, 2)}\n`);
    expect(JSON.parse(two.stdout).findings.map((f: { cause: string }) => f.cause)).toContain('upstream-sent-too-big-header');
    // The threads refuse it before starting (the CLI then reads it in this thread).
    const { analyzeInWorkers } = await import('../../../src/cli/parallel/pool.ts');
    const { NotSplittable } = await import('../../../src/analyzer/parallel/schedule.ts');
    const entry = new URL('../../../src/cli/parallel/worker-entry.ts', import.meta.url);
    await expect(analyzeInWorkers({ file: long, size: Buffer.byteLength(content), catalog, jobs: 2, entry, blockBytes: 16_384 })).rejects.toBeInstanceOf(NotSplittable);
  });
});
