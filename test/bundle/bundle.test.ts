/**
 * The single-file CLI as users get it: dist/badgateway.mjs under Debian's own
 * Node 18 agrees with the source CLI (pinned Node) on every fixture, line by
 * line; its checksum file verifies with sha256sum; the packed package runs
 * with npx; inputs as they lie on disk work on Node 18 too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCauseEntries } from '../../src/catalog/from-disk.ts';
import labRecord from '../../src/data/lab-record.json' with { type: 'json' };
import { BUNDLE, DIST, NODE, ROOT, SOURCE_BIN, debianNode18, requireBuilt } from './built.ts';

let work = '';
let node18: ReturnType<typeof debianNode18>;

function run(cmd: string, args: string[], env: Record<string, string> = {}, input?: Buffer | string) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, cwd: work, input, maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const bundle18 = (...args: string[]) => run(node18.node, [BUNDLE, ...args], node18.env);
const source = (...args: string[]) => run(NODE, [SOURCE_BIN, ...args]);

function listFixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return listFixtures(p);
    return /\.(ts|mts|mjs|js|md|json)$/.test(e) ? [] : [p];
  });
}

/**
 * Every fixture file, plus every lab line and every cause example line as inputs
 * of their own. The real-config corpus (hundreds of small files) goes in as one
 * concatenated input: the comparison is of code paths, and a process per file
 * would take minutes.
 */
function inputs(): string[] {
  const corpus = join(ROOT, 'test/fixtures/configs/real');
  const all = listFixtures(join(ROOT, 'test/fixtures'));
  const files = all.filter((f) => !f.startsWith(corpus));
  writeFileSync(join(work, 'config-corpus.txt'), all.filter((f) => f.startsWith(corpus)).map((f) => readFileSync(f, 'utf8')).join('\n\n'));
  files.push(join(work, 'config-corpus.txt'));
  const lab = labRecord.scenarios.flatMap((s) => [...s.errorLog, ...s.accessLog, ...((s as { backendLog?: string[] }).backendLog ?? [])]);
  writeFileSync(join(work, 'lab-lines.log'), `${lab.join('\n')}\n`);
  const examples = loadCauseEntries(join(ROOT, 'content')).flatMap((e) => [...e.data.conditions, ...e.data.signatures].flatMap((s) => s.examples));
  writeFileSync(join(work, 'cause-examples.log'), `${examples.join('\n')}\n`);
  return [...files, join(work, 'lab-lines.log'), join(work, 'cause-examples.log')];
}

beforeAll(() => {
  requireBuilt(BUNDLE);
  node18 = debianNode18();
  work = mkdtempSync(join(tmpdir(), 'badgateway-bundle-'));
});

describe('dist/badgateway.mjs under Debian Node 18', () => {
  it('is really Node 18, and the bundle uses nothing newer Nodes add (import.meta.dirname, type stripping)', () => {
    expect(run(node18.node, ['--version'], node18.env).out).toMatch(/^v18\./);
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).not.toMatch(/import\.meta\.(?:dirname|filename)|process\.features|\.ts['"]\)/);
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('verifies with sha256sum -c, as the README tells on-call engineers to', () => {
    const r = spawnSync('sha256sum', ['-c', 'badgateway.mjs.sha256'], { cwd: DIST, encoding: 'utf8' });
    expect(r.stdout).toBe('badgateway.mjs: OK\n');
    expect(r.status).toBe(0);
  });

  it('agrees with the source CLI on every fixture, line by line (jsonl and json) and in exit status', () => {
    const all = inputs();
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const file of all) {
      for (const format of ['jsonl', 'json']) {
        const a = source('analyze', file, '--format', format);
        const b = bundle18('analyze', file, '--format', format);
        const name = `${relative(ROOT, file)} --format ${format}`;
        expect(a.err, `source CLI failed on ${name}`).not.toMatch(/cannot load the cause catalog/);
        const al = a.out.split('\n');
        const bl = b.out.split('\n');
        expect(bl.length, name).toBe(al.length);
        al.forEach((line, i) => expect(bl[i], `${name}, output line ${i + 1}`).toBe(line));
        expect(b.code, name).toBe(a.code);
      }
    }
  });

  it('reads a rotated .gz log and a UTF-16 file, merges several files and says what it is', () => {
    const lines = labRecord.scenarios[0]!.errorLog;
    writeFileSync(join(work, 'error.log.1.gz'), gzipSync(`${lines.join('\n')}\n`));
    const gz = bundle18('analyze', 'error.log.1.gz', '--format', 'json');
    expect(gz.code, gz.err).toBe(1);
    expect(JSON.parse(gz.out).findings[0].cause).toBe(labRecord.scenarios[0]!.cause);
    writeFileSync(join(work, 'utf16.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf16le')]));
    expect(bundle18('analyze', 'utf16.log', '--format', 'json').code).toBe(1);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(bundle18('--version').out).toBe(`badgateway ${version}\n`);
  });

  it('exits 3 when nothing was recognised and 2 for bad input, on Node 18 too', () => {
    writeFileSync(join(work, 'junk.txt'), 'lorem ipsum dolor\nsit amet\n');
    expect(bundle18('analyze', 'junk.txt').code).toBe(3);
    writeFileSync(join(work, 'empty.log'), '');
    expect(bundle18('analyze', 'empty.log').code).toBe(3);
    expect(bundle18('analyze', 'nope.log').code).toBe(2);
    const content = bundle18('analyze', 'junk.txt', '--content', 'content');
    expect(content.code).toBe(2);
    expect(content.err).toMatch(/--content needs a checkout/);
  });
});

describe('the packed package', () => {
  it('runs with npx from the tarball, with no dependencies', () => {
    const packDir = join(work, 'pack');
    mkdirSync(packDir);
    const pack = spawnSync('npm', ['pack', '--pack-destination', packDir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    const info = JSON.parse(pack.stdout)[0] as { filename: string; files: { path: string }[] };
    expect(info.files.map((f) => f.path)).toContain('dist/badgateway.mjs');
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{"name":"try-badgateway","version":"1.0.0","private":true}\n');
    const inst = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(packDir, info.filename)], { cwd: app, encoding: 'utf8' });
    expect(inst.status, inst.stderr).toBe(0);
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['badgateway']);
    writeFileSync(join(app, 'error.log'), `${labRecord.scenarios[0]!.errorLog.join('\n')}\n`);
    const r = spawnSync('npx', ['--offline', 'badgateway', 'analyze', 'error.log', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).findings[0].cause).toBe(labRecord.scenarios[0]!.cause);
  });
});
