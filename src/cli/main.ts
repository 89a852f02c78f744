/**
 * `badgateway analyze FILE...|-`: reads the inputs as they lie on disk (gzip,
 * UTF-16, several files merged in time order, `--since`), feeds the engine,
 * prints the report and exits with a status scripts can branch on. Argument
 * parsing, I/O and formatting only; every decision is the engine's.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { Analyzer } from '../analyzer/index.ts';
import type { Catalog, LineResult, Report } from '../analyzer/types.ts';
import { reportToMarkdown } from '../analyzer/report/markdown.ts';
import { reportToJira } from '../analyzer/report/jira.ts';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.ts';
import { formatText, terminalSafe } from './format-text.ts';
import { formatSarif } from './format-sarif.ts';
import { EXIT, exitCode } from './exit-code.ts';
import { decodeText, InputError, isPlainUtf8 } from './input/decode.ts';
import { expandFiles } from './input/glob.ts';
import { splitLines } from './input/lines.ts';
import { mergeByTime } from './input/merge.ts';
import { lineTime, parseSince } from './input/line-time.ts';
import { LineMap } from './input/line-map.ts';
import { fileHead, openSource, type ByteSource } from './input/sources.ts';
import { analyzeInWorkers } from './parallel/pool.ts';
import { NotSplittable, ThreadsFailed } from '../analyzer/parallel/schedule.ts';
import { BLOCK_BYTES } from '../analyzer/parallel/plan.ts';

const PROGRESS_MIN_BYTES = 64 << 20;
/** Lines are handed to the engine in batches of about this many characters. */
const BATCH_CHARS = 1 << 16;

export interface CliIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/**
 * What differs between a checkout (src/cli/checkout.ts) and the single-file
 * bundle (src/cli/bundle-entry.ts): where the version and the catalog come from.
 */
export interface CliContext {
  version: () => string;
  /** The catalog used without --catalog/--content, and a name for messages. */
  catalog: { load: () => Catalog; from: string };
  /** Compiles cause articles from a content/ directory (`--content`); only a checkout has the compiler. */
  loadContent?: (dir: string) => Catalog;
  /** The module worker threads run (parallel/worker.ts behind it); without it, one thread reads everything. */
  workerEntry?: URL;
  /** That module has `catalog.load()`'s catalog built in (the bundle), so workers need not be sent it. */
  workerHasCatalog?: boolean;
}

export const PROCESS_IO: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

function loadChosenCatalog(args: CliArgs, ctx: CliContext): Catalog {
  if (args.catalog) {
    const c = JSON.parse(readFileSync(args.catalog, 'utf8')) as Catalog;
    if (!Array.isArray(c.causes)) throw new Error('not a catalog (no "causes" array)');
    return c;
  }
  if (args.content) {
    if (!ctx.loadContent) throw new Error('--content needs a checkout of the project; use --catalog FILE with the site\'s /api/catalog.json');
    return ctx.loadContent(args.content);
  }
  return ctx.catalog.load();
}

export async function main(argv: string[], io: CliIO, ctx: CliContext): Promise<number> {
  let args: CliArgs;
  let since: number | undefined;
  try {
    args = parseArgs(argv);
    if (args.since !== undefined) {
      since = parseSince(args.since);
      if (since === undefined) throw new UsageError(`--since takes 30m, 2h, 1d or an ISO time like 2026-11-23T02:00, got "${args.since}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`badgateway: ${e.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout.write(HELP);
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (args.command === 'version') {
    io.stdout.write(`badgateway ${ctx.version()}\n`);
    return EXIT.ok;
  }

  let catalog: Catalog;
  try {
    catalog = loadChosenCatalog(args, ctx);
  } catch (e) {
    io.stderr.write(`badgateway: cannot load the cause catalog from ${args.catalog ?? args.content ?? ctx.catalog.from}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }

  let sources: ByteSource[];
  let paths: string[];
  try {
    paths = expandFiles(args.files);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr.write(`badgateway: ${e.message}\n`);
    return EXIT.usage;
  }

  // One large plain file, a report at the end: read in blocks by worker threads (the same blocks
  // whatever --jobs says, so the report is the same for any number of threads).
  const jobs = args.jobs ?? defaultJobs();
  const blockBytes = blockSize(io.env);
  const big = ctx.workerEntry && paths.length === 1 && since === undefined && args.format !== 'sarif' && args.format !== 'jsonl' ? splittable(paths[0]!, blockBytes) : undefined;
  if (big !== undefined) {
    const showProgress = args.progress ?? Boolean(io.stderr.isTTY);
    let report: Report | undefined;
    try {
      report = await analyzeInWorkers({
        file: paths[0]!,
        size: big,
        catalog,
        jobs,
        entry: ctx.workerEntry!,
        catalogBuiltIn: ctx.workerHasCatalog === true && args.catalog === undefined && args.content === undefined,
        blockBytes,
        onProgress: showProgress ? (bytes, lines) => io.stderr.write(`\rbadgateway: ${Math.min(100, Math.floor((bytes / big) * 100))}% ${(bytes / 1048576).toFixed(0)} MB read, ${lines} lines`) : undefined,
      });
    } catch (e) {
      if (showProgress) io.stderr.write('\r\x1b[K');
      if (e instanceof ThreadsFailed) {
        // Not the file's fault: read it again in this thread.
        io.stderr.write(`badgateway: warning: worker threads failed (${e.message}); reading ${paths[0]} in one thread\n`);
      } else if (!(e instanceof NotSplittable)) {
        io.stderr.write(`badgateway: error while reading ${paths[0]}: ${(e as Error).message}\n`);
        return EXIT.usage;
      }
    }
    if (report) {
      if (showProgress) io.stderr.write('\r\x1b[K');
      return output(report, args, io, ctx, undefined, 0);
    }
  }

  try {
    sources = paths.map((f) => openSource(f, io.stdin));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.stderr.write(`badgateway: ${e.message}\n`);
    return EXIT.usage;
  }

  // jsonl: one object per input line, written as the engine goes (bounded buffer, honours backpressure).
  let pending: string[] = [];
  const onLine =
    args.format === 'jsonl'
      ? (r: LineResult): void => {
          pending.push(JSON.stringify(r));
        }
      : undefined;
  const analyzer = new Analyzer(onLine ? { catalog, onLine } : { catalog });
  const size = sources.reduce((n, s) => n + s.size, 0);
  const showProgress = args.progress ?? (Boolean(io.stderr.isTTY) && size >= PROGRESS_MIN_BYTES);
  let lastProgress = 0;
  let readBytes = 0;

  const consume = async (text: string, bytes: number): Promise<void> => {
    readBytes += bytes;
    analyzer.push(text, bytes);
    if (pending.length) {
      const out = `${pending.join('\n')}\n`;
      pending = [];
      await write(io.stdout, out);
    }
    if (showProgress) {
      const now = Date.now();
      if (now - lastProgress > 250) {
        lastProgress = now;
        const pct = size ? ` ${Math.min(100, Math.floor((readBytes / size) * 100))}%` : '';
        io.stderr.write(`\rbadgateway:${pct} ${(readBytes / 1048576).toFixed(0)} MB read, ${analyzer.progress.lines} lines`);
      }
    }
  };

  // Only SARIF needs lines mapped back to files (the map grows with interleaved inputs).
  const lineMap = args.format === 'sarif' ? new LineMap(sources.map((s) => s.name)) : undefined;
  let dropped = 0;
  try {
    if (sources.length === 1 && since === undefined && args.format !== 'sarif') {
      // One input as it comes: chunks straight to the engine, which splits the lines.
      for await (const c of decodeText(sources[0]!.bytes, sources[0]!.name)) await consume(c.text, c.bytes);
    } else {
      const lines = sources.map((s) => splitLines(decodeText(s.bytes, s.name)));
      let batch = '';
      let batchBytes = 0;
      let n = 0;
      for await (const l of mergeByTime(lines, { since, timeOf: (t) => lineTime(t), onDropped: () => dropped++ })) {
        n++;
        lineMap?.add(n, l.source, l.sourceLine, l.text);
        batch += `${l.text}\n`;
        batchBytes += l.bytes;
        if (batch.length >= BATCH_CHARS) {
          await consume(batch, batchBytes);
          batch = '';
          batchBytes = 0;
        }
      }
      if (batch || batchBytes) await consume(batch, batchBytes);
    }
  } catch (e) {
    if (showProgress) io.stderr.write('\r\x1b[K');
    io.stderr.write(`badgateway: ${e instanceof InputError ? e.message : `error while reading: ${(e as Error).message}`}\n`);
    return EXIT.usage;
  }
  const report = analyzer.end();
  if (showProgress) io.stderr.write('\r\x1b[K');
  if (pending.length) await write(io.stdout, `${pending.join('\n')}\n`);
  return output(report, args, io, ctx, lineMap, dropped);
}

/** The block size: BLOCK_BYTES, or BADGATEWAY_BLOCK_BYTES (at least 4 KiB) so tests can cut small files into many blocks. */
function blockSize(env: Record<string, string | undefined>): number {
  const v = Number(env.BADGATEWAY_BLOCK_BYTES);
  return Number.isInteger(v) && v >= 4096 ? v : BLOCK_BYTES;
}

/** Threads by default: one per core, at most 8. */
function defaultJobs(): number {
  const n = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(8, n));
}

/**
 * The size of a file worth sharing among threads: a regular file of at least
 * two blocks, read as it lies (not compressed, not UTF-16), since only such a
 * file can be cut into blocks by bytes. Undefined otherwise (or when it cannot
 * be read: the one-thread path then says why).
 */
function splittable(path: string, blockBytes: number): number | undefined {
  if (path === '-') return undefined;
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size < 2 * blockBytes) return undefined;
    return isPlainUtf8(fileHead(path, 4096)) ? st.size : undefined;
  } catch {
    return undefined;
  }
}

/** Prints the report in the chosen format and returns the exit status. */
async function output(report: Report, args: CliArgs, io: CliIO, ctx: CliContext, lineMap: LineMap | undefined, dropped: number): Promise<number> {
  switch (args.format) {
    case 'jsonl':
      break;
    case 'json':
      await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
      break;
    case 'markdown':
      await write(io.stdout, reportToMarkdown(report, { siteUrl: args.siteUrl, timezone: 'timestamps as logged, in the server local time' }));
      break;
    case 'jira':
      await write(io.stdout, reportToJira(report, { siteUrl: args.siteUrl, timezone: 'timestamps as logged, in the server local time' }));
      break;
    case 'sarif':
      await write(io.stdout, formatSarif(report, { siteUrl: args.siteUrl, version: ctx.version(), locate: (l) => lineMap?.locate(l) }));
      break;
    default: {
      const color = args.color ?? (Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''));
      await write(io.stdout, formatText(report, { color, siteUrl: args.siteUrl }));
    }
  }
  // A --since window with no line of a log that had lines is quiet, not "empty input".
  const quietWindow = dropped > 0 && report.stats.lines === (report.stats.byKind.blank ?? 0);
  if (args.format !== 'text' && !quietWindow) for (const w of report.warnings) io.stderr.write(`badgateway: warning: ${terminalSafe(w)}\n`);
  return finalStatus(report, io, { dropped });
}

/** The exit status, with a line on stderr when nothing was recognised (so exit 3 never passes silently). */
function finalStatus(report: Report, io: CliIO, window: { dropped: number }): number {
  const code = exitCode(report);
  if (code !== EXIT.unrecognised) return code;
  const content = report.stats.lines - (report.stats.byKind.blank ?? 0);
  // The log was read and its lines had times: it just has nothing in the window asked for.
  // Quiet, like any exit 0, so a cron job with --since 5m does not mail every quiet interval.
  if (window.dropped > 0 && content === 0) return EXIT.ok;
  if (content === 0) io.stderr.write('badgateway: the input is empty: nothing to analyse\n');
  else if (report.warnings.some((w) => w.includes('looks binary'))) {
    io.stderr.write('badgateway: the input looks binary and nothing in it was recognised (not a log, or compressed with something other than gzip?)\n');
  } else io.stderr.write('badgateway: nothing in the input was recognised as an nginx, application or system log or as configuration\n');
  return EXIT.unrecognised;
}
