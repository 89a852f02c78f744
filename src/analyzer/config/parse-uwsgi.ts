/**
 * uWSGI options from an ini `[uwsgi]` section or a command line
 * (`uwsgi --socket :8000 --module app:app`, `--http=:8000`). Options keep the
 * input line they came from; a repeated option keeps its first value.
 */
import type { ConfigLine } from './parse-nginx.ts';

export interface UwsgiOption {
  value: string;
  line: number;
}

export interface UwsgiConfig {
  options: Map<string, UwsgiOption>;
  /** Line of the `[uwsgi]` header or of the command. */
  line: number;
}

const KV = /^\s*([A-Za-z][\w.-]*)\s*=\s*(.*?)\s*$/;

/** Ini lines of a [uwsgi] section (the header included or not). */
export function parseUwsgiIni(lines: ConfigLine[]): UwsgiConfig {
  const options = new Map<string, UwsgiOption>();
  let line = lines[0]?.line ?? 0;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '' || t.startsWith(';') || t.startsWith('#')) continue;
    if (/^\[uwsgi\]$/i.test(t)) {
      line = l.line;
      continue;
    }
    const kv = KV.exec(t);
    if (kv && !options.has(kv[1]!)) options.set(kv[1]!, { value: kv[2]!.replace(/\s+[;#].*$/, '').replace(/^(["'])(.*)\1$/, '$2'), line: l.line });
  }
  return { options, line };
}

/** Is this line a uWSGI command line ("uwsgi --socket …", "CMD ["uwsgi", "--http", …]")? */
export function looksLikeUwsgiCommand(t: string): boolean {
  return /(?:^|[\s"'[/])uwsgi["']?\s*,?\s*["']?--[a-z]/.test(t);
}

/** `--opt value`, `--opt=value`, JSON-array CMD forms; flags without a value get "true". */
export function parseUwsgiCommand(l: ConfigLine): UwsgiConfig {
  const options = new Map<string, UwsgiOption>();
  const words = l.text.replace(/[[\],]/g, ' ').split(/\s+/).map((w) => w.replace(/^["']|["']$/g, '')).filter(Boolean);
  const start = words.findIndex((w) => /(?:^|\/)uwsgi$/.test(w));
  for (let i = start + 1; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--')) continue;
    const eq = w.indexOf('=');
    const name = (eq === -1 ? w.slice(2) : w.slice(2, eq)).toLowerCase();
    let value = 'true';
    if (eq !== -1) value = w.slice(eq + 1);
    else if (words[i + 1] !== undefined && !words[i + 1]!.startsWith('--')) value = words[++i]!;
    if (!options.has(name)) options.set(name, { value, line: l.line });
  }
  return { options, line: l.line };
}

/** How uWSGI speaks on a listener: the uwsgi protocol or HTTP, with its address. */
export function uwsgiListeners(c: UwsgiConfig): { protocol: 'uwsgi' | 'http'; address: string; option: string; line: number }[] {
  const out: { protocol: 'uwsgi' | 'http'; address: string; option: string; line: number }[] = [];
  const httpProtocol = c.options.get('protocol')?.value === 'http';
  for (const [name, o] of c.options) {
    if (name === 'socket' || name === 'uwsgi-socket' || name === 's') out.push({ protocol: httpProtocol ? 'http' : 'uwsgi', address: o.value, option: name, line: o.line });
    else if (name === 'http' || name === 'http-socket' || name === 'https') out.push({ protocol: 'http', address: o.value, option: name, line: o.line });
  }
  return out;
}
