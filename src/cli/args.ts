/** Command-line arguments of `badgateway`. */

export type Format = 'text' | 'json' | 'markdown' | 'jira' | 'jsonl' | 'sarif';

export interface CliArgs {
  command: 'analyze' | 'help' | 'version';
  /** Paths, glob patterns or "-" (standard input), as given. */
  files: string[];
  format: Format;
  siteUrl: string;
  content?: string;
  catalog?: string;
  /** Only lines logged at or after this time (`30m`, `2h`, `1d`, an ISO time), as given. */
  since?: string;
  color?: boolean;
  progress?: boolean;
  /** Threads for one large file (default: the machine's cores); 1 reads it in this thread. */
  jobs?: number;
}

export class UsageError extends Error {}

const FORMATS: Format[] = ['text', 'json', 'markdown', 'jira', 'jsonl', 'sarif'];

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { command: 'help', files: [], format: 'text', siteUrl: 'https://badgateway.dev' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return { ...out, command: 'help' };
    if (a === '-V' || a === '--version') return { ...out, command: 'version' };
    if (a === '-f' || a === '--format' || a.startsWith('--format=')) {
      const f = value();
      if (!FORMATS.includes(f as Format)) throw new UsageError(`unknown format "${f}" (use ${FORMATS.join(', ')})`);
      out.format = f as Format;
    } else if (a === '--site-url' || a.startsWith('--site-url=')) {
      const u = value();
      if (!/^https?:\/\/[^\s/]+/.test(u)) throw new UsageError(`--site-url must be an absolute http(s) URL, got "${u}"`);
      out.siteUrl = u.replace(/\/+$/, '');
    } else if (a === '--content' || a.startsWith('--content=')) {
      out.content = value();
    } else if (a === '--catalog' || a.startsWith('--catalog=')) {
      out.catalog = value();
    } else if (a === '--since' || a.startsWith('--since=')) {
      out.since = value();
    } else if (a === '--color') out.color = true;
    else if (a === '--no-color') out.color = false;
    else if (a === '--progress') out.progress = true;
    else if (a === '--no-progress') out.progress = false;
    else if (a === '-j' || a === '--jobs' || a.startsWith('--jobs=')) {
      const v = value();
      if (!/^[1-9]\d{0,2}$/.test(v)) throw new UsageError(`--jobs takes a number of threads from 1 to 999, got "${v}"`);
      out.jobs = Number(v);
    }
    else if (a === '-') rest.push(a);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length === 0) return out;
  if (rest[0] !== 'analyze') throw new UsageError(`unknown command "${rest[0]}" (try: badgateway analyze FILE)`);
  if (rest.length < 2) throw new UsageError('analyze needs a FILE (or - for standard input)');
  const files = rest.slice(1);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  return { ...out, command: 'analyze', files };
}

export const HELP = `badgateway — find why nginx answered 502/504, from logs and configuration

Usage:
  badgateway analyze FILE...|-  [options]

FILE is any mix of nginx error/access logs, PHP-FPM/kernel/systemd/app logs,
nginx configuration (nginx -T), PHP-FPM pool files or a collector bundle.
Several files and globs ('error.log*', expanded here too when quoted) are
merged in time order; .gz files are decompressed; UTF-16 is read as such.
"-" reads standard input. Nothing leaves your machine.

Options:
  -f, --format FORMAT   text (default), json (the full report), markdown (for tickets),
                        jira (wiki markup for Jira), jsonl (one JSON object per input line),
                        sarif (SARIF 2.1.0 for CI)
  --since WHEN          only lines logged since WHEN: 30m, 2h, 1d or an ISO time
                        (2026-11-23T02:00); lines without a time go with the line before
  --site-url URL        origin for article links (default https://badgateway.dev)
  --content DIR         read cause articles from DIR instead of the built-in catalog
  --catalog FILE        use a compiled catalog JSON (e.g. the site's /api/catalog.json) instead
  --color / --no-color  force colours on or off (default: on for a terminal; NO_COLOR disables)
  --progress / --no-progress   progress on stderr (default: large files on a terminal)
  -j, --jobs N          threads for one large file (default: one per core); the report
                        is the same for any N
  -h, --help            this help
  -V, --version         print the version

Exit status:
  0  understood, nothing wrong     1  findings
  2  bad input or usage (message on stderr)
  3  nothing in the input was recognised (empty, not a log, binary)
`;
