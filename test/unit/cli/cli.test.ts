import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../fixtures/engine/catalog.ts';
import { parseArgs, UsageError } from '../../../src/cli/args.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const BIN = join(ROOT, 'bin/badgateway.mjs');
const FIX = join(ROOT, 'test/fixtures/engine');
let dir = '';
let catalogFile = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'badgateway-cli-'));
  catalogFile = join(dir, 'catalog.json');
  writeFileSync(catalogFile, JSON.stringify(fixtureCatalog()));
});

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(NODE, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, cwd: tmpdir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const analyze = (file: string, ...more: string[]) => cli(['analyze', file, '--catalog', catalogFile, ...more]);

describe('badgateway CLI', () => {
  it('text by default: findings with links, exit 1', () => {
    const r = analyze(join(FIX, 'mixed.log'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Upstream refused the connection \(111\)/);
    expect(r.out).toContain('https://badgateway.dev/causes/connection-refused/#fix');
    expect(r.out).not.toMatch(/\x1b\[/); // not a TTY: no colour
  });
  it('--color forces colour, NO_COLOR is honoured otherwise', () => {
    expect(analyze(join(FIX, 'mixed.log'), '--color').out).toMatch(/\x1b\[/);
    expect(analyze(join(FIX, 'mixed.log')).out).not.toMatch(/\x1b\[/);
  });
  it('--format json prints the Report', () => {
    const r = analyze(join(FIX, 'mixed.log'), '--format', 'json');
    const report = JSON.parse(r.out);
    expect(report.version).toBe(1);
    expect(report.findings.map((f: { cause: string }) => f.cause)).toContain('php-fpm-socket-missing');
    expect(report.stats.lines).toBe(7);
  });
  it('--format jsonl prints one object per input line, in order', () => {
    const input = readFileSync(join(FIX, 'mixed.log'), 'utf8');
    const r = analyze(join(FIX, 'mixed.log'), '--format=jsonl');
    const lines = r.out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(input.trimEnd().split('\n').length);
    expect(lines.map((l) => l.line)).toEqual(lines.map((_, i) => i + 1));
    expect(lines[0]).toMatchObject({ line: 1, kind: 'nginx-error', cause: 'connection-refused', status: 502 });
    // Line 2 is a closed keep-alive at info: recognised, harmless, no cause.
    expect(Object.keys(lines[1])).toEqual(['line', 'kind', 'cause', 'status', 'facts', 'harmless']);
    expect(lines[1]).toMatchObject({ kind: 'nginx-error', cause: null, harmless: true });
  });
  it('--format markdown uses absolute links from --site-url', () => {
    const r = analyze(join(FIX, 'mixed.log'), '--format', 'markdown', '--site-url', 'https://example.org/');
    expect(r.out).toContain('](https://example.org/causes/connection-refused/)');
    expect(r.out).toMatch(/^## badgateway analysis/);
  });
  it('exit 0 when the input was understood and nothing is wrong', () => {
    expect(analyze(join(FIX, 'clean.log')).code).toBe(0);
  });
  it('exit 3, with a message, when nothing in the input was recognised: junk text, empty input, random bytes', () => {
    const junk = analyze(join(FIX, 'crlf.log'));
    expect(junk.code).toBe(3);
    expect(junk.err).toMatch(/nothing in the input was recognised/);
    const empty = cli(['analyze', '-', '--catalog', catalogFile], '');
    expect(empty.code).toBe(3);
    expect(empty.err).toMatch(/the input is empty/);
    const random = join(dir, 'random.bin');
    // Deterministic pseudo-random bytes (no gzip magic, no UTF-16 pattern).
    let x = 12345;
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, () => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff)));
    const r = analyze(random);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/looks binary and nothing in it was recognised/);
  });
  it('reads standard input with "-"', () => {
    const r = cli(['analyze', '-', '--catalog', catalogFile, '--format', 'json'], readFileSync(join(FIX, 'mixed.log'), 'utf8'));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).stats.lines).toBe(7);
  });
  it('exit 2 with a message for a missing file, a directory, bad usage and a broken .gz', () => {
    const missing = analyze(join(dir, 'nope.log'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.log: no such file/);
    expect(analyze(dir).code).toBe(2);
    const usage = cli(['analyze']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/needs a FILE/);
    expect(cli(['analyze', 'x', '--format', 'yaml']).err).toMatch(/unknown format "yaml"/);
    const bin = join(dir, 'blob.gz');
    writeFileSync(bin, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x01, 0x02, 0x03, 0x0a, 0x00, 0x00, 0x07]));
    const b = analyze(bin);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/blob\.gz: cannot decompress/);
    const xz = join(dir, 'error.log.xz');
    writeFileSync(xz, Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04]));
    expect(analyze(xz).err).toMatch(/xz-compressed; decompress it first: xzcat/);
    expect(cli(['analyze', 'x', '--since', 'yesterday']).err).toMatch(/--since takes 30m, 2h, 1d or an ISO time/);
  });
  it('--help and --version exit 0', () => {
    expect(cli(['--help']).out).toMatch(/Exit status:/);
    expect(cli(['--version']).out).toMatch(/^badgateway \d+\.\d+\.\d+/);
    expect(cli(['--version']).code).toBe(0);
  });
  it('loads the catalog from the package content/ whatever the working directory', () => {
    const r = cli(['analyze', join(FIX, 'mixed.log'), '--format', 'json']);
    expect([0, 1, 2]).toContain(r.code); // articles are being written; 2 = an invalid article, named on stderr
    if (r.code === 2) expect(r.err).toMatch(/cannot load the cause catalog from .*content/);
    else expect(JSON.parse(r.out).findings.map((f: { cause: string }) => f.cause)).toContain('connection-refused');
  });
  it('refuses an old Node with a clear message and exit 2', () => {
    const v = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    const [major, minor] = (v.stdout ?? '').replace('v', '').split('.').map(Number);
    // Only meaningful where the system Node is too old to strip types (this repo's CI image has Node 20).
    if (v.error || major === undefined || major > 22 || (major === 22 && (minor ?? 0) >= 18)) return;
    const r = spawnSync('/usr/bin/node', [BIN, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs Node\.js 22\.18 or newer/);
    expect(r.stderr).toMatch(/dist\/badgateway\.mjs/);
  });
});

describe('argument parsing', () => {
  it('parses analyze with options', () => {
    expect(parseArgs(['analyze', '-', '-f', 'jsonl', '--site-url=https://x.dev/'])).toMatchObject({ command: 'analyze', files: ['-'], format: 'jsonl', siteUrl: 'https://x.dev' });
    expect(parseArgs(['analyze', 'a.log', 'b.log.1.gz', '--since=30m', '-f', 'sarif'])).toMatchObject({ files: ['a.log', 'b.log.1.gz'], since: '30m', format: 'sarif' });
    expect(() => parseArgs(['analyze', '-', '-'])).toThrow(/only once/);
  });
  it('rejects unknown options and relative site URLs', () => {
    expect(() => parseArgs(['analyze', 'f', '--frobnicate'])).toThrow(UsageError);
    expect(() => parseArgs(['analyze', 'f', '--site-url', 'badgateway.dev'])).toThrow(/absolute/);
  });
});
