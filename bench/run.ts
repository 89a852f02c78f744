/**
 * `npm run bench`: generates realistic logs into bench/work/ and measures the
 * engine through the CLI (`--format json` to /dev/null) against `grep -c -F`
 * over the catalog's literals (error log) and GoAccess (access log), in the
 * same run on the same files. Also checks that peak memory stays flat as the
 * input grows. Wall times are the best of N runs (the machine may be shared).
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadCatalogTolerant } from './catalog.ts';
import { requiredLiterals } from '../src/analyzer/match/literals.ts';
import { generateAccessLog, generateErrorLog } from './generate.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, 'bench/work');
const NODE = process.execPath;
const TIME = '/usr/bin/time';
const GOACCESS = '/usr/bin/goaccess';
const ACCESS_LINES = 1_000_000;
const ERROR_BYTES = 300 * 1024 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

interface Measure {
  seconds: number;
  maxRssKb: number;
  stdout: string;
}

function measure(cmd: string[], captureStdout = false): Measure {
  const devnull = openSync('/dev/null', 'w');
  const useTime = existsSync(TIME);
  const argv = useTime ? [TIME, '-f', 'BENCH %e %M', ...cmd] : cmd;
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', captureStdout ? 'pipe' : devnull, 'pipe'], maxBuffer: 1 << 26, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  closeSync(devnull);
  const m = /BENCH ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${(r.stderr ?? '').slice(-500)}`);
  return { seconds: m ? Number(m[1]) : wall, maxRssKb: m ? Number(m[2]) : NaN, stdout: r.stdout ?? '' };
}

function best(cmd: string[], runs = RUNS, captureStdout = false): Measure {
  let b: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const m = measure(cmd, captureStdout);
    if (!b || m.seconds < b.seconds) b = { ...m, maxRssKb: Math.max(m.maxRssKb, b?.maxRssKb ?? 0) };
  }
  return b!;
}

/** Copies the first `bytes` of `src` (cut at a line end) to `dst`. */
function head(src: string, dst: string, bytes: number): void {
  const inFd = openSync(src, 'r');
  const outFd = openSync(dst, 'w');
  const buf = Buffer.alloc(1 << 20);
  let left = bytes;
  while (left > 0) {
    const n = readSync(inFd, buf, 0, Math.min(buf.length, left), null);
    if (n === 0) break;
    let end = n;
    if (n === left) end = buf.lastIndexOf(10, n - 1) + 1;
    writeSync(outFd, buf, 0, end);
    left -= n;
  }
  closeSync(inFd);
  closeSync(outFd);
}

function countLines(file: string): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  let n = 0;
  for (;;) {
    const r = readSync(fd, buf, 0, buf.length, null);
    if (r === 0) break;
    for (let i = buf.indexOf(10, 0); i !== -1 && i < r; i = buf.indexOf(10, i + 1)) n++;
  }
  closeSync(fd);
  return n;
}

const catalogFile = join(WORK, 'catalog.json');
const cli = (file: string): string[] => [NODE, join(ROOT, 'bin/badgateway.mjs'), 'analyze', file, '--format', 'json', '--catalog', catalogFile];
const mb = (b: number): number => b / 1048576;

mkdirSync(WORK, { recursive: true });
const accessFile = join(WORK, 'access.log');
const errorFile = join(WORK, 'error.log');
const started = performance.now();
if (!existsSync(accessFile) || countLines(accessFile) !== ACCESS_LINES) {
  console.log(`generating ${ACCESS_LINES} access-log lines…`);
  generateAccessLog(accessFile, ACCESS_LINES);
}
if (!existsSync(errorFile) || statSync(errorFile).size < ERROR_BYTES) {
  console.log(`generating a ${mb(ERROR_BYTES)} MB error log…`);
  generateErrorLog(errorFile, ERROR_BYTES);
}
const smallAccess = join(WORK, 'access-small.log');
const smallError = join(WORK, 'error-small.log');
head(accessFile, smallAccess, Math.floor(statSync(accessFile).size / 10));
head(errorFile, smallError, Math.floor(statSync(errorFile).size / 10));

// The catalog's literals for grep -F, one per line: the longest required run of
// each signature (requiredLiterals). The engine's prefilter keys on the rarest
// requirement instead (prefilterKeys); the grep baseline is kept as it was so
// that ratios compare across versions.
// Compiled once: articles may be edited while the bench runs.
const { catalog, skipped } = loadCatalogTolerant(join(ROOT, 'content'));
if (skipped.length) console.log(`skipped invalid articles: ${skipped.join(', ')}`);
writeFileSync(catalogFile, JSON.stringify(catalog));
const literals = new Set<string>();
for (const c of catalog.causes) for (const s of c.signatures) for (const k of requiredLiterals(s.pattern) ?? []) literals.add(k);
// nginx lines are conditions: their literal text is each template's longest fixed run, or the system call.
for (const c of catalog.causes) {
  for (const cond of c.conditions) {
    const w = cond.when;
    const keys = w.template?.map((t) => t.split(/%[TSVd]/).reduce((a, b) => (b.trim().length > a.length ? b.trim() : a), '')) ?? w.syscall?.map((x) => `${x}() `) ?? [];
    for (const k of keys) if (k.length >= 4) literals.add(k);
  }
}
const literalsFile = join(WORK, 'literals.txt');
writeFileSync(literalsFile, [...literals].join('\n') + '\n');
const sigCount = catalog.causes.reduce((n, c) => n + c.signatures.length, 0);
const condCount = catalog.causes.reduce((n, c) => n + c.conditions.length, 0);
console.log(`catalog: ${catalog.causes.length} causes, ${condCount} conditions, ${sigCount} signatures, ${literals.size} literals`);

const rows: string[][] = [];
const verdicts: string[] = [];

// Error log vs grep -F.
const errSize = statSync(errorFile).size;
const errLines = countLines(errorFile);
const engErr = best(cli(errorFile));
const grep = literals.size ? best(['grep', '-c', '-F', '-f', literalsFile, errorFile], RUNS, true) : undefined;
const errRatio = grep ? engErr.seconds / grep.seconds : NaN;
rows.push(['error log', `${mb(errSize).toFixed(0)} MB`, String(errLines), `${engErr.seconds.toFixed(2)} s`, `${(mb(errSize) / engErr.seconds).toFixed(1)}`, `${Math.round(errLines / engErr.seconds)}`, `${(engErr.maxRssKb / 1024).toFixed(0)} MB`, grep ? `grep -F ${grep.seconds.toFixed(2)} s (${grep.stdout.trim()} hits)` : 'grep: no literals', grep ? `${errRatio.toFixed(1)}× slower` : '-']);
verdicts.push(grep ? `error log within 10× of grep -F: ${errRatio <= 10 ? 'PASS' : 'FAIL'} (${errRatio.toFixed(1)}×)` : 'error log vs grep: skipped (catalog has no literals)');

// Access log vs GoAccess.
const accSize = statSync(accessFile).size;
const engAcc = best(cli(accessFile));
let ga: Measure | undefined;
if (existsSync(GOACCESS)) ga = measure([GOACCESS, accessFile, '--log-format=COMBINED', '-o', join(WORK, 'goaccess.json')]);
const accRatio = ga ? ga.seconds / engAcc.seconds : NaN;
rows.push(['access log', `${mb(accSize).toFixed(0)} MB`, String(ACCESS_LINES), `${engAcc.seconds.toFixed(2)} s`, `${(mb(accSize) / engAcc.seconds).toFixed(1)}`, `${Math.round(ACCESS_LINES / engAcc.seconds)}`, `${(engAcc.maxRssKb / 1024).toFixed(0)} MB`, ga ? `goaccess ${ga.seconds.toFixed(2)} s` : 'goaccess not installed', ga ? `${accRatio.toFixed(1)}× faster` : '-']);
verdicts.push(ga ? `access log ≥10× GoAccess throughput: ${accRatio >= 10 ? 'PASS' : 'FAIL'} (${accRatio.toFixed(1)}×)` : 'access log vs GoAccess: skipped (goaccess not installed)');

// Memory at two sizes.
const memRows: string[][] = [];
let flat = true;
for (const [name, small, big] of [['access', smallAccess, engAcc], ['error', smallError, engErr]] as const) {
  const s = best(cli(small), 1);
  const growth = big.maxRssKb / s.maxRssKb;
  if (growth > 1.5) flat = false;
  memRows.push([name, `${mb(statSync(small).size).toFixed(0)} MB → ${(s.maxRssKb / 1024).toFixed(0)} MB RSS`, `${mb(name === 'access' ? accSize : errSize).toFixed(0)} MB → ${(big.maxRssKb / 1024).toFixed(0)} MB RSS`, `×${growth.toFixed(2)} for ×10 input`]);
}
verdicts.push(`memory flat (peak RSS grows < 1.5× for 10× input): ${flat ? 'PASS' : 'FAIL'}`);

function table(head: string[], body: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  return [line(head), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

console.log('');
console.log(`engine through the CLI (node ${process.versions.node}, best of ${RUNS}; includes ~0.4 s start-up and catalog load)`);
console.log(table(['input', 'size', 'lines', 'engine', 'MB/s', 'lines/s', 'peak RSS', 'baseline', 'ratio'], rows));
console.log('');
console.log(table(['memory', 'small input', 'large input', 'growth'], memRows));
console.log('');
for (const v of verdicts) console.log(v);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
