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
    const { analyzeInWorkers, ThreadsFailed } = await import('../../../src/cli/parallel/pool.ts');
    const broken = new URL('data:text/javascript,throw new Error("this worker cannot start")');
    const size = Buffer.byteLength(text);
    await expect(analyzeInWorkers({ file, size, catalog, jobs: 2, entry: broken, blockBytes: 65_536 })).rejects.toBeInstanceOf(ThreadsFailed);
  });
});
