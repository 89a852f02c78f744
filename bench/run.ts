/**
 * `npm run bench`: the analyzer's speed and memory side by side with its peers,
 * in one run on the same files.
 *
 * - dense error log (an outage: 90 % upstream errors) and sparse error log
 *   (a quiet day: 99 % notice/info) — the CLI vs `grep -c -F -f` over nginx's
 *   upstream-error vocabulary, alternating A B A B, output of both to a file;
 * - access log — the CLI vs GoAccess, alternating;
 * - lnav on the dense log, when installed;
 * - peak RSS of the CLI at 0.1M, 1M and 3M dense lines (memory must stay flat);
 * - the browser: a 100 MB file dropped on the built analyzer page (needs dist/),
 *   time to the report and the longest main-thread task; and 400 MB read by
 *   block workers against the analyzer's worker alone (`?threads=1`).
 *
 * Figures are medians of BENCH_RUNS (default 3) whole-process runs under
 * /usr/bin/time; ratios are taken pair by pair.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { DENSE, SPARSE, generateAccessLog, generateErrorLog, type ErrorLogShape } from './generate.ts';
import { alternate, firstLine, haveTime, median, runOnce, type Pair, type Run } from './measure.ts';
import { browserBench, type BrowserResult } from './browser.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WORK = join(ROOT, 'bench/work');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const GOACCESS = '/usr/bin/goaccess';
const LNAV = '/usr/bin/lnav';

/**
 * nginx's upstream-error vocabulary, as a grep user would write it: the fixed
 * text of every message that names an upstream failure.
 */
const GREP_LITERALS = [
  'connect() failed',
  'connect() to',
  'upstream timed out',
  'prematurely closed',
  'recv() failed',
  'no live upstreams',
  'too big header',
  'could not be resolved',
  'SSL_do_handshake() failed',
];

if (!haveTime()) {
  console.error('bench: /usr/bin/time is missing (Debian package "time").');
  process.exit(2);
}

mkdirSync(WORK, { recursive: true });
const started = performance.now();
const mb = (bytes: number): number => bytes / 1048576;
const f2 = (x: number): string => x.toFixed(2);

function ensureErrorLog(name: string, lines: number, shape: ErrorLogShape): string {
  const file = join(WORK, name);
  if (!existsSync(file)) {
    console.log(`generating ${name} (${lines} lines)…`);
    generateErrorLog(file, lines, shape);
  }
  return file;
}

const tag = LINES === 1_000_000 ? '' : `-${LINES}`;
const dense = ensureErrorLog(`error-dense-1m${tag}.log`, LINES, DENSE);
const sparse = ensureErrorLog(`error-sparse-1m${tag}.log`, LINES, SPARSE);
const dense100k = ensureErrorLog(`error-dense-100k${tag}.log`, LINES / 10, DENSE);
const dense3m = ensureErrorLog(`error-dense-3m${tag}.log`, LINES * 3, DENSE);
const access = join(WORK, `access-1m${tag}.log`);
if (!existsSync(access)) {
  console.log(`generating access-1m.log (${LINES} lines)…`);
  generateAccessLog(access, LINES);
}
const literalsFile = join(WORK, 'literals.txt');
spawnSync('sh', ['-c', `printf '%s\\n' "$@" > ${literalsFile}`, 'sh', ...GREP_LITERALS]);

// The CLI as users run it: the single-file bundle when it was built, else the checkout's bin.
const bundle = join(ROOT, 'dist/badgateway.mjs');
const cliPath = existsSync(bundle) ? bundle : join(ROOT, 'bin/badgateway.mjs');
const cli = (file: string): string[] => [process.execPath, cliPath, 'analyze', file, '--format', 'json'];
const out = (name: string): string => join(WORK, `out-${name}`);
// The CLI exits 1 when it has findings, grep 1 when it has none.
const OK = [0, 1];

interface Row {
  input: string;
  file: string;
  lines: number;
  pair: Pair;
  peer: string;
}

const rows: Row[] = [];
console.log(`runs: ${RUNS} of each, alternating; CLI: ${cliPath.replace(ROOT, '')} on node ${process.versions.node}, ${availableParallelism()} core(s) (one worker thread each for a large file)`);
for (const [input, file] of [['dense error log', dense], ['sparse error log', sparse]] as const) {
  const pair = alternate({ cmd: cli(file), out: out('cli.json'), ok: OK }, { cmd: ['grep', '-c', '-F', '-f', literalsFile, file], out: out('grep.txt'), ok: OK }, RUNS);
  rows.push({ input, file, lines: LINES, pair, peer: `grep -c -F -f (${GREP_LITERALS.length} literals, ${firstLine(out('grep.txt'))} hits)` });
}
let goaccess: Row | undefined;
if (existsSync(GOACCESS)) {
  const pair = alternate({ cmd: cli(access), out: out('cli.json'), ok: OK }, { cmd: [GOACCESS, access, '--log-format=COMBINED', '-o', out('goaccess.json')], out: out('goaccess.txt'), ok: [0] }, RUNS);
  goaccess = { input: 'access log', file: access, lines: LINES, pair, peer: 'GoAccess (JSON report)' };
  rows.push(goaccess);
}
let lnav: Run | undefined;
if (existsSync(LNAV)) {
  // lnav's headless mode: load the file, count error lines.
  lnav = runOnce([LNAV, '-n', '-c', ';SELECT count(*) FROM all_logs WHERE log_level >= "error"', dense], out('lnav.txt'), [0, 1]);
}

function table(head: string[], body: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  return [line(head), `|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

const verdicts: string[] = [];
const body = rows.map((r) => {
  const size = statSync(r.file).size;
  const wall = median(r.pair.a.map((x) => x.wall));
  const cpu = median(r.pair.a.map((x) => x.user + x.sys));
  const peerWall = median(r.pair.b.map((x) => x.wall));
  const ratio = median(r.pair.ratios);
  return [r.input, `${mb(size).toFixed(0)} MB`, `${f2(wall)} s`, `${f2(cpu)} s`, (mb(size) / wall).toFixed(1), String(Math.round(r.lines / wall)), `${median(r.pair.a.map((x) => x.maxRssMb)).toFixed(0)} MB`, `${r.peer}: ${f2(peerWall)} s`, ratio >= 1 ? `CLI ${ratio.toFixed(1)}× slower` : `CLI ${(1 / ratio).toFixed(1)}× faster`];
});
if (lnav) {
  const r = lnav.wall / median(rows[0]!.pair.a.map((x) => x.wall));
  body.push(['dense error log', `${mb(statSync(dense).size).toFixed(0)} MB`, '-', '-', '-', '-', '-', `lnav -n (count errors): ${f2(lnav.wall)} s`, r >= 1 ? `CLI ${r.toFixed(1)}× faster` : `CLI ${(1 / r).toFixed(1)}× slower`]);
}

const denseRatio = median(rows[0]!.pair.ratios);
verdicts.push(`dense error log within 10× of grep -F (wall): ${denseRatio <= 10 ? 'PASS' : 'FAIL'} (${denseRatio.toFixed(1)}×)`);
if (goaccess) {
  const r = 1 / median(goaccess.pair.ratios);
  verdicts.push(`access log ≥ 10× faster than GoAccess: ${r >= 10 ? 'PASS' : 'FAIL'} (${r.toFixed(1)}×)`);
} else verdicts.push('access log vs GoAccess: not measured (Debian package "goaccess" not installed)');

// Memory at three sizes of the same dense log.
const mem: [string, string, number][] = [];
for (const [name, file, lines] of [['0.1M', dense100k, LINES / 10], ['1M', dense, LINES], ['3M', dense3m, LINES * 3]] as const) {
  const r = runOnce(cli(file), out('cli.json'), OK);
  mem.push([name, `${lines} lines, ${mb(statSync(file).size).toFixed(0)} MB`, r.maxRssMb]);
}
const growth = mem[2]![2] / mem[0]![2];
verdicts.push(`memory flat (peak RSS at 3M lines ≤ 1.10 × at 0.1M): ${growth <= 1.1 ? 'PASS' : 'FAIL'} (×${growth.toFixed(2)})`);

// The browser: 100 MB as the page reads it by default (one worker on two cores), then 400 MB with
// block workers against the analyzer's worker alone (?threads=1), alternating; medians of three.
const browserRuns = async (mbs: number, query = ''): Promise<BrowserResult[]> => {
  const runs: BrowserResult[] = [];
  for (let i = 0; i < 3; i++) runs.push(await browserBench(ROOT, mbs, query));
  return runs;
};
const browser100 = await browserRuns(100);
const browser400: { blocks: BrowserResult[]; one: BrowserResult[] } = { blocks: [], one: [] };
for (let i = 0; i < 3; i++) {
  browser400.blocks.push(await browserBench(ROOT, 400));
  browser400.one.push(await browserBench(ROOT, 400, '?threads=1'));
}
const okRuns = (rs: BrowserResult[]) => rs.filter((r): r is Extract<BrowserResult, { ok: true }> => r.ok);
const browserWhy = [...browser100, ...browser400.blocks, ...browser400.one].find((r): r is Extract<BrowserResult, { ok: false }> => !r.ok)?.why;
const secs = (rs: BrowserResult[]) => median(okRuns(rs).map((r) => r.seconds));
const longest = Math.max(0, ...okRuns([...browser100, ...browser400.blocks, ...browser400.one]).map((r) => r.longestTaskMs));
if (!browserWhy) verdicts.push(`browser: 100 MB analysed with no main-thread task over 50 ms: ${longest <= 50 ? 'PASS' : 'FAIL'} (longest ${longest.toFixed(0)} ms in every browser run)`);

console.log('');
console.log(table(['input', 'size', 'CLI wall', 'CLI cpu', 'MB/s', 'lines/s', 'peak RSS', 'peer (median wall)', 'ratio (median of pairs)'], body));
console.log('');
console.log(table(['lines', 'input', 'CLI peak RSS'], mem.map(([n, what, rss]) => [n, what, `${rss.toFixed(0)} MB`])));
console.log('');
if (browserWhy) console.log(`browser: not measured (${browserWhy})`);
else {
  const [b100, b400, o400] = [secs(browser100), secs(browser400.blocks), secs(browser400.one)];
  console.log(`browser (Chromium, built site, ${availableParallelism()} cores; medians of 3; longest main-thread task ${longest.toFixed(0)} ms):`);
  console.log(`  100 MB: ${f2(b100)} s (${(100 / b100).toFixed(1)} MB/s)`);
  console.log(`  400 MB: ${f2(b400)} s with block workers (${(400 / b400).toFixed(1)} MB/s), ${f2(o400)} s in the analyzer's worker alone (?threads=1): ${(o400 / b400).toFixed(2)}×`);
}
console.log('');
for (const v of verdicts) console.log(v);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
