/**
 * Redaction for shares and exports: replaces what identifies people and hosts
 * with stable placeholders, keeping the log's shape so the analyzer (and a
 * colleague) can still read it. Pure TypeScript: used by the page and the CLI.
 */

export const REDACTION_KINDS = {
  ip: 'Client and server IP addresses',
  host: 'Host names and domains',
  email: 'E-mail addresses',
  cookie: 'Cookies',
  auth: 'Authorization headers and tokens',
  query: 'Query strings',
} as const;
export type RedactionKind = keyof typeof REDACTION_KINDS;
export const ALL_REDACTIONS = Object.keys(REDACTION_KINDS) as RedactionKind[];

export interface RedactionResult {
  text: string;
  counts: Record<RedactionKind, number>;
  /** A few original → replacement pairs per kind, for the preview. */
  samples: Record<RedactionKind, [string, string][]>;
}

const MAX_SAMPLES = 5;

const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
// Compressed (::) or full (7 colons) IPv6; times like 23:58:07 have neither.
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,7}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,6})?(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\w:])/g;
const EMAIL = /\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}\b/g;
const AUTH = /\b(authorization|proxy-authorization|x-api-key|api[_-]?key|access[_-]?token|token)(["']?\s*[:=]\s*["']?)(?:(bearer|basic|token|digest)\s+)?([^\s"',;&]+)/gi;
const COOKIE = /\b(cookie|set-cookie|http_cookie)(["']?\s*[:=]\s*["']?)([^"\n]{1,4096})/gi;
const QUERY = /(\/[^\s?"'#]*)\?([^\s"'#]+)/g;
// Host names where nginx and configs put them, and any URL authority.
const HOST_FIELD = /\b(server: |host: "|Host: |referrer: "https?:\/\/|server_name\s+|:\/\/)((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{1,62})/g;

const KEEP_IPS = new Set(['127.0.0.1', '0.0.0.0', '255.255.255.255', '::1', '::']);
const KEEP_HOSTS = /^(localhost|[^.]+\.(example|invalid|test|local|localhost)|example\.(com|net|org))$/i;

export interface RedactOptions {
  /** Host names never to redact (our own site's links in an export). */
  keepHosts?: string[];
}

export function redact(text: string, enabled: Iterable<RedactionKind> = ALL_REDACTIONS, options: RedactOptions = {}): RedactionResult {
  const on = new Set(enabled);
  const keepHosts = new Set((options.keepHosts ?? []).map((h) => h.toLowerCase()));
  const counts = Object.fromEntries(ALL_REDACTIONS.map((k) => [k, 0])) as Record<RedactionKind, number>;
  const samples = Object.fromEntries(ALL_REDACTIONS.map((k) => [k, []])) as unknown as Record<RedactionKind, [string, string][]>;
  const pseudonyms = new Map<string, string>();
  const next: Record<string, number> = {};

  const note = (kind: RedactionKind, original: string, replacement: string) => {
    counts[kind]++;
    if (samples[kind].length < MAX_SAMPLES && !samples[kind].some(([o]) => o === original)) samples[kind].push([original, replacement]);
    return replacement;
  };
  const pseudonym = (kind: string, original: string, make: (n: number) => string) => {
    const key = `${kind}\0${original.toLowerCase()}`;
    let p = pseudonyms.get(key);
    if (!p) {
      next[kind] = (next[kind] ?? 0) + 1;
      p = make(next[kind]!);
      pseudonyms.set(key, p);
    }
    return p;
  };

  let out = text;
  if (on.has('auth')) {
    out = out.replace(AUTH, (_m, name: string, sep: string, scheme: string | undefined, value: string) =>
      `${name}${sep}${scheme ? `${scheme} ` : ''}${note('auth', value, '[redacted]')}`,
    );
  }
  if (on.has('cookie')) {
    out = out.replace(COOKIE, (_m, name: string, sep: string, value: string) => {
      // Keep the closing quote of a quoted field.
      const end = value.search(/["']\s*(?:,|$)/);
      const secret = end >= 0 ? value.slice(0, end) : value;
      return `${name}${sep}${note('cookie', secret, '[redacted]')}${end >= 0 ? value.slice(end) : ''}`;
    });
  }
  if (on.has('email')) out = out.replace(EMAIL, (m) => note('email', m, pseudonym('email', m, (n) => `user-${n}@example.invalid`)));
  if (on.has('query')) out = out.replace(QUERY, (_m, path: string, q: string) => `${path}?${note('query', q, '[redacted]')}`);
  if (on.has('host')) {
    // Learn names where logs and configs put them, then replace them everywhere
    // (a name seen in `server:` also appears in facts, URLs and prose).
    const learned = new Set<string>();
    for (const m of out.matchAll(HOST_FIELD)) {
      const host = m[2]!;
      if (!KEEP_HOSTS.test(host) && !keepHosts.has(host.toLowerCase())) learned.add(host);
    }
    if (learned.size) {
      const names = [...learned].sort((a, b) => b.length - a.length).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const anywhere = new RegExp(`(?<![A-Za-z0-9.-])(?:${names.join('|')})(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, 'gi');
      out = out.replace(anywhere, (m) => note('host', m, pseudonym('host', m, (n) => `host-${n}.example`)));
    }
  }
  if (on.has('ip')) {
    out = out.replace(IPV4, (m) =>
      KEEP_IPS.has(m) || m.startsWith('127.')
        ? m
        : note('ip', m, pseudonym('ip4', m, (n) => `192.0.2.${((n - 1) % 254) + 1}`)),
    );
    out = out.replace(IPV6, (m) =>
      KEEP_IPS.has(m.toLowerCase()) ? m : note('ip', m, pseudonym('ip6', m, (n) => `2001:db8::${n.toString(16)}`)),
    );
  }
  return { text: out, counts, samples };
}
