/** Command-line arguments of `badgateway`. */

export type Format = 'text' | 'json' | 'markdown' | 'jira' | 'jsonl';

export interface CliArgs {
  command: 'analyze' | 'help' | 'version';
  file?: string;
  format: Format;
  siteUrl: string;
  content?: string;
  catalog?: string;
  color?: boolean;
  progress?: boolean;
}

export class UsageError extends Error {}

const FORMATS: Format[] = ['text', 'json', 'markdown', 'jira', 'jsonl'];

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { command: 'help', format: 'text', siteUrl: 'https://badgateway.dev' };
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
    } else if (a === '--color') out.color = true;
    else if (a === '--no-color') out.color = false;
    else if (a === '--progress') out.progress = true;
    else if (a === '--no-progress') out.progress = false;
    else if (a === '-') rest.push(a);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length === 0) return out;
  if (rest[0] !== 'analyze') throw new UsageError(`unknown command "${rest[0]}" (try: badgateway analyze FILE)`);
  if (rest.length < 2) throw new UsageError('analyze needs a FILE (or - for standard input)');
  if (rest.length > 2) throw new UsageError(`analyze takes one FILE, got ${rest.length - 1}`);
  return { ...out, command: 'analyze', file: rest[1]! };
}

export const HELP = `badgateway — find why nginx answered 502/504, from logs and configuration

Usage:
  badgateway analyze FILE|-  [options]

FILE is any mix of nginx error/access logs, PHP-FPM/kernel/systemd/app logs,
nginx configuration (nginx -T), PHP-FPM pool files or a collector bundle.
"-" reads standard input. Nothing leaves your machine.

Options:
  -f, --format FORMAT   text (default), json (the full report), markdown (for tickets),
                        jira (wiki markup for Jira), jsonl (one JSON object per input line)
  --site-url URL        origin for article links in markdown/text (default https://badgateway.dev)
  --content DIR         read cause articles from DIR instead of the package's content/
  --catalog FILE        use a compiled catalog JSON (e.g. the site's /api/catalog.json) instead
  --color / --no-color  force colours on or off (default: on for a terminal; NO_COLOR disables)
  --progress / --no-progress   progress on stderr (default: large files on a terminal)
  -h, --help            this help
  -V, --version         print the version

Exit status:
  0  no findings    1  findings    2  bad input or usage (message on stderr)
`;
