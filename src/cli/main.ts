/**
 * `badgateway analyze FILE|-`: reads the input in chunks (constant memory),
 * feeds the engine, prints the report. Argument parsing, I/O and formatting
 * only; every decision is the engine's.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Analyzer } from '../analyzer/index.ts';
import type { Catalog, LineResult } from '../analyzer/types.ts';
import { reportToMarkdown } from '../analyzer/report/markdown.ts';
import { reportToJira } from '../analyzer/report/jira.ts';
import { loadCatalog } from '../catalog/from-disk.ts';
import { HELP, parseArgs, UsageError, type CliArgs } from './args.ts';
import { formatText, terminalSafe } from './format-text.ts';

/** The package root, whatever the working directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHUNK = 1 << 20;
const PROGRESS_MIN_BYTES = 64 << 20;

export interface CliIO {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

export async function main(argv: string[], io: CliIO = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`badgateway: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help') {
    io.stdout.write(HELP);
    return argv.length === 0 ? 2 : 0;
  }
  if (args.command === 'version') {
    io.stdout.write(`badgateway ${version()}\n`);
    return 0;
  }

  let catalog: Catalog;
  const source = args.catalog ?? args.content ?? join(ROOT, 'content');
  try {
    if (args.catalog) {
      catalog = JSON.parse(readFileSync(args.catalog, 'utf8')) as Catalog;
      if (!Array.isArray(catalog.causes)) throw new Error('not a catalog (no "causes" array)');
    } else catalog = loadCatalog(source);
  } catch (e) {
    io.stderr.write(`badgateway: cannot load the cause catalog from ${source}: ${(e as Error).message}\n`);
    return 2;
  }

  let fd: number | undefined;
  let size = 0;
  if (args.file !== '-') {
    try {
      const st = statSync(args.file!);
      if (st.isDirectory()) throw new Error('is a directory');
      size = st.size;
      fd = openSync(args.file!, 'r');
    } catch (e) {
      io.stderr.write(`badgateway: cannot read ${args.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
      return 2;
    }
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
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const showProgress = args.progress ?? (Boolean(io.stderr.isTTY) && size >= PROGRESS_MIN_BYTES);
  let lastProgress = 0;

  const consume = async (bytes: Uint8Array): Promise<void> => {
    analyzer.push(decoder.decode(bytes, { stream: true }), bytes.length);
    if (pending.length) {
      const out = `${pending.join('\n')}\n`;
      pending = [];
      await write(io.stdout, out);
    }
    if (showProgress) {
      const now = Date.now();
      if (now - lastProgress > 250) {
        lastProgress = now;
        const p = analyzer.progress;
        const pct = size ? ` ${Math.floor((p.bytes / size) * 100)}%` : '';
        io.stderr.write(`\rbadgateway:${pct} ${(p.bytes / 1048576).toFixed(0)} MB, ${p.lines} lines`);
      }
    }
  };

  try {
    if (fd !== undefined) {
      // One reused buffer: memory stays flat however large the file is.
      const buf = new Uint8Array(CHUNK);
      try {
        for (;;) {
          const n = readSync(fd, buf, 0, CHUNK, null);
          if (n === 0) break;
          await consume(buf.subarray(0, n));
        }
      } finally {
        closeSync(fd);
      }
    } else {
      for await (const chunk of io.stdin) {
        await consume(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
      }
    }
    analyzer.push(decoder.decode());
  } catch (e) {
    io.stderr.write(`badgateway: error while reading ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const report = analyzer.end();
  if (showProgress) io.stderr.write('\r\x1b[K');

  switch (args.format) {
    case 'jsonl':
      if (pending.length) await write(io.stdout, `${pending.join('\n')}\n`);
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
    default: {
      const color = args.color ?? (Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== ''));
      await write(io.stdout, formatText(report, { color, siteUrl: args.siteUrl }));
    }
  }
  if (args.format !== 'text') for (const w of report.warnings) io.stderr.write(`badgateway: warning: ${terminalSafe(w)}\n`);

  const recognised = report.stats.lines - (report.stats.byKind.blank ?? 0) - report.unrecognisedCount;
  if (report.warnings.some((w) => w.includes('looks binary')) && recognised === 0) {
    io.stderr.write('badgateway: the input looks binary and nothing in it was recognised (compressed log? try zcat FILE | badgateway analyze -)\n');
    return 2;
  }
  return report.findings.length > 0 ? 1 : 0;
}
