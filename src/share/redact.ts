/**
 * Redaction for shares and exports. One `Redactor` per export: it first
 * learns the values that identify people and hosts (where logs and configs
 * put them, and from the engine's parsed facts), then replaces them in the
 * input text (the share link) and in every string of the Report (ticket and
 * JSON), with one pseudonym table, so `host-1` is the same host everywhere.
 *
 * Values are classified, not text: an IP keeps its class (10.x stays 10.x,
 * public stays public), a host becomes `host-N`, a user `user-N`, a secret
 * `[redacted]`. Every pattern is bounded, so the pass is linear in the input.
 * Pure TypeScript: used by the page's worker and by the tests.
 */
import type { Report } from '../analyzer/types.ts';

export const REDACTION_KINDS = {
  ip: 'IP addresses (private ranges keep their class)',
  host: 'Host and server names',
  user: 'User names (home and socket paths, log users, URL users)',
  email: 'E-mail addresses',
  secret: 'Passwords, keys, tokens, JWTs, Authorization values',
  cookie: 'Cookies',
  query: 'Query strings',
} as const;
export type RedactionKind = keyof typeof REDACTION_KINDS;
export const ALL_REDACTIONS = Object.keys(REDACTION_KINDS) as RedactionKind[];

export interface RedactionSummary {
  counts: Record<RedactionKind, number>;
  /** A few original → replacement pairs per kind, for the preview. */
  removed: Record<RedactionKind, [string, string][]>;
  /** Values recognised but left as they are, with the reason. */
  kept: Record<RedactionKind, [string, string][]>;
}

export interface RedactionResult extends RedactionSummary {
  text: string;
  /** Alias of `removed` (older callers). */
  samples: Record<RedactionKind, [string, string][]>;
}

export interface RedactOptions {
  /** Host names never to redact (our own site's links in an export). */
  keepHosts?: string[];
}

const MAX_SAMPLES = 6;
export const REDACTED = '[redacted]';

/* ---------------------------------------------------------------- patterns */
// Every quantifier is bounded or runs over a class that cannot overlap its
// neighbour, so no pattern backtracks more than a constant per position.

const IPV4 = /(?<![\w.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\w]|\.\d)/g;
// Candidates for IPv6, validated by isIpv6(): times like 23:58:07 fail there.
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g;
const ANY_IP = new RegExp(`(${IPV6_CANDIDATE.source})|${IPV4.source}`, 'g');
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])/g;
const JWT = /\beyJ[A-Za-z0-9_-]{6,}(?:\.[A-Za-z0-9_-]{0,4096}){0,2}/g;
const TOKENS =
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{20,255}|xox[abposr]-[A-Za-z0-9-]{10,255}|sk_(?:live|test)_[A-Za-z0-9]{16,255}|glpat-[A-Za-z0-9_-]{20,255}|AKIA[0-9A-Z]{16})\b/g;
const PEM = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[A-Za-z0-9+/=\s]{0,65536}(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----)?/g;
// Authorization values, in HTTP (`Authorization: Bearer x`) and nginx syntax (`Authorization "Basic x"`).
const AUTH_HEADER =
  /\b((?:proxy-)?authorization|x-api-key|x-auth-token|x-access-token|x-csrf-token)(["']?[ \t]{0,8}[:=]?[ \t]{0,8}["']?)(?:(bearer|basic|token|digest|negotiate|apikey)[ \t]{1,8})?([^\s"',;]{1,4096})/gi;
const SECRET_NAME = String.raw`[\w.\[\]-]{0,64}(?:key|passw(?:or)?d|pass|pwd|secret|token|licen[cs]e|credential|salt|dsn|signature|auth)[\w.\[\]-]{0,64}`;
// NAME=value, NAME: value, "NAME":"value", env[NAME] = value, php_value[x.license] = value.
const SECRET_ASSIGN = new RegExp(String.raw`(?<![\w$.\[\]-])(["']?${SECRET_NAME}["']?[ \t]{0,8}[:=][ \t]{0,8})("(?:\\.|[^"\\\n]){0,4096}"?|'[^'\n]{0,4096}'?|[^\s;&,"'<>]{1,4096})`, 'gi');
// nginx: fastcgi_param NAME value; proxy_set_header NAME value; env NAME=value; set $NAME value;
const SECRET_DIRECTIVE = new RegExp(
  String.raw`(^[ \t]{0,64}|[;{][ \t]{0,64}|\n[ \t]{0,64})((?:fastcgi_param|uwsgi_param|scgi_param|proxy_set_header|grpc_set_header|add_header|more_set_headers|more_set_input_headers|set|env)[ \t]{1,64}\$?${SECRET_NAME}[ \t]{1,64})([^;\n]{1,4096})`,
  'gi',
);
// The value runs to an unescaped quote or the end of the line (JSON logs escape quotes inside it).
const COOKIE = /\b(cookie|set-cookie|http_cookie)(["']?[ \t]{0,8}[:=]?[ \t]{0,8}["']?)((?:\\.|[^"\\\n{}]){1,8192})/gi;
const USERINFO = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]{0,20}:\/\/)([^\s/@:"'<>]{0,128})(?::([^\s/@"'<>]{0,256}))?@/gi;
// A query string after a path or a name; `$args`-like nginx variables are kept.
const QUERY = /(?<=[\w/.%~=-])\?([^\s"'#<>]{1,8192})/g;
const HOME = /(\/(?:home|Users|usr\/home|var\/www\/vhosts)\/)([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})(?=[/\s"':;,)]|$)/g;
// The remote user of a common/combined access line: `addr - user [time]`.
const ACCESS_USER = /(?<![\w.:-])([\w.:-]{1,128} \S{1,128} )([^\s[\]"]{1,128})( \[\d{1,2}\/[A-Za-z]{3}\/)/g;

// Where host names stand: learned there, then replaced wherever they appear.
const HOST_CONTEXT =
  /(?:\bserver: |\bhost: "|\bHost: |\breferrer: "|\bSNI: "|:\/\/|@|\bproxy_pass[ \t]{1,16}|"(?:host|http_host|server_name|upstream_addr|hostname)"[ \t]{0,4}:[ \t]{0,4}")\[?([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?)/g;
const HOST_MESSAGE = /(?:host not found in upstream "|invalid host in upstream "(?:[a-z]{1,10}:\/\/)?|no resolver defined to resolve )([A-Za-z0-9_][A-Za-z0-9_.-]{0,252})|(?<![A-Za-z0-9_.-])([A-Za-z0-9_][A-Za-z0-9_.-]{0,252}) could not be resolved/g;
const SERVER_NAME = /\bserver_name[ \t]{1,64}([^;\n{}]{1,4096})/g;
const UPSTREAM_SERVER = /(?:^|[;{]|\n)[ \t]{0,64}(?:upstream|server)[ \t]{1,64}([A-Za-z0-9_][A-Za-z0-9_.-]{0,252})(?=[ \t]*[:{;]|[ \t]{1,64}\w)/g;
const USER_FIELD = /"(?:remote_user|user|username|user_name)"[ \t]{0,4}:[ \t]{0,4}"([^"\\\s]{1,64})"/g;
const FPM_USER = /^[ \t]*(?:user|listen\.owner|group|listen\.group)[ \t]*=[ \t]*([A-Za-z0-9_][A-Za-z0-9_.-]{0,63})/gm;
// A name-like token: letters, digits, `_`, `-` and dots inside.
const TOKEN = /[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,252}(?:\.[A-Za-z0-9_-]{1,63}){0,16})?/g;
// Dotted names ending like these are host names wherever they appear.
const TLDS = new Set(
  'com net org io dev app co info biz cloud internal corp lan intranet svc ai me tv xyz online site tech us uk de fr nl eu ru cn jp br au ca it es se ch at be dk no fi ie nz za mx ar kr tw hk sg vn id th my ua cz hu ro gr tr il ir lv lt ee sk si hr rs bg'.split(' '),
);
const KEEP_HOST = /^(?:localhost|.+\.(?:example|invalid|test|localhost)|example\.(?:com|net|org)|host-\d+)$/i;
const SYSTEM_USERS = new Set('root www-data nginx nobody apache http www daemon _www nogroup wheel admin user php-fpm fpm www-user ubuntu debian ec2-user'.split(' '));
// Parts of URLs and configs that look like names but are not hosts.
const NOT_HOSTS = new Set(['unix', 'http', 'https', 'fastcgi', 'uwsgi', 'grpc', 'grpcs', 'scgi', 'memcached']);
// Service names every tutorial uses: they identify nobody, and replacing them would hide the stack (php-fpm).
const GENERIC_NAMES = new Set(
  'app api web www php fpm php-fpm phpfpm nginx backend frontend upstream node db mysql mariadb postgres redis cache worker server proxy'.split(' '),
);

/* ---------------------------------------------------------------- helpers */

function ipv4Octets(s: string): number[] {
  return s.split('.').map(Number);
}

function isIpv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const double = s.indexOf('::');
  if (double !== -1 && s.indexOf('::', double + 1) !== -1) return false;
  const parts = s.split(':');
  let groups = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '') continue;
    if (i === parts.length - 1 && p.includes('.')) {
      if (!/^(?:\d{1,3}\.){3}\d{1,3}$/.test(p)) return false;
      groups += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) groups++;
    else return false;
  }
  if (s.startsWith(':') && !s.startsWith('::')) return false;
  if (s.endsWith(':') && !s.endsWith('::')) return false;
  return double === -1 ? groups === 8 : groups < 8;
}

/** The nth address (0-based) of a range given as a base and a prefix length, or undefined when full. */
function nthAddress(base: [number, number, number, number], prefix: number, n: number): string | undefined {
  // Skip .0 and .255 in the last octet so every pseudonym looks like a host.
  const size = 2 ** (32 - prefix);
  const perBlock = 254;
  const blocks = Math.floor(size / 256);
  if (n >= perBlock * Math.max(1, blocks)) return undefined;
  const block = Math.floor(n / perBlock);
  const last = (n % perBlock) + 1;
  const value = ((base[0] << 24) >>> 0) + (base[1] << 16) + (base[2] << 8) + block * 256 + last;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

type Ip4Class = 'loopback' | 'p10' | 'p172' | 'p192' | 'cgnat' | 'link' | 'public' | 'keep';

function ip4Class(s: string): Ip4Class {
  const [a, b] = ipv4Octets(s) as [number, number];
  if (a === 127) return 'loopback';
  if (s === '0.0.0.0' || s === '255.255.255.255') return 'keep';
  if (a === 10) return 'p10';
  if (a === 172 && b >= 16 && b < 32) return 'p172';
  if (a === 192 && b === 168) return 'p192';
  if (a === 100 && b >= 64 && b < 128) return 'cgnat';
  if (a === 169 && b === 254) return 'link';
  return 'public';
}

const IP4_RANGES: Record<Exclude<Ip4Class, 'loopback' | 'keep' | 'public'>, [[number, number, number, number], number]> = {
  p10: [[10, 0, 0, 0], 8],
  p172: [[172, 16, 0, 0], 12],
  p192: [[192, 168, 0, 0], 16],
  cgnat: [[100, 64, 0, 0], 10],
  link: [[169, 254, 0, 0], 16],
};
// Public addresses become documentation addresses, then the benchmarking range.
const PUBLIC_RANGES: [[number, number, number, number], number][] = [
  [[192, 0, 2, 0], 24],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[198, 18, 0, 0], 15],
];

function publicAddress(n: number): string {
  let i = n;
  for (const [base, prefix] of PUBLIC_RANGES) {
    const a = nthAddress(base, prefix, i);
    if (a) return a;
    i -= 254 * Math.max(1, 2 ** (32 - prefix) / 256);
  }
  return `ip-${n + 1}`;
}

function emptyRecord<T>(make: () => T): Record<RedactionKind, T> {
  const r = Object.create(null) as Record<RedactionKind, T>;
  for (const k of ALL_REDACTIONS) r[k] = make();
  return r;
}

/* ---------------------------------------------------------------- redactor */

export class Redactor {
  private readonly on: Set<RedactionKind>;
  private readonly keepHosts: Set<string>;
  private readonly hosts = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly pseudonyms = new Map<string, string>();
  private readonly next = new Map<string, number>();
  readonly counts = emptyRecord(() => 0);
  /** Off while the report of an already counted input is redacted: the preview counts values once. */
  private counting = true;
  readonly removed = emptyRecord<[string, string][]>(() => []);
  readonly kept = emptyRecord<[string, string][]>(() => []);

  constructor(enabled: Iterable<RedactionKind> = ALL_REDACTIONS, options: RedactOptions = {}) {
    this.on = new Set(enabled);
    this.keepHosts = new Set((options.keepHosts ?? []).map((h) => h.toLowerCase()));
  }

  summary(): RedactionSummary {
    return { counts: { ...this.counts }, removed: this.removed, kept: this.kept };
  }

  /* ---- learning: host and user names where they stand ---- */

  /** Learns names from a text (the input, or any string that will be exported). */
  learn(text: string): this {
    for (const m of text.matchAll(HOST_CONTEXT)) this.learnHost(m[1]!);
    for (const m of text.matchAll(HOST_MESSAGE)) this.learnHost((m[1] ?? m[2])!);
    for (const m of text.matchAll(SERVER_NAME)) {
      for (const name of m[1]!.split(/[ \t]+/)) {
        // A regex name (~^(www\.)?acme\.com$) hides its labels behind escapes: learn each distinctive label.
        if (!name.startsWith('~')) {
          this.learnHost(name.replace(/^[*.]+|["']/g, ''));
          continue;
        }
        for (const l of name.matchAll(/[A-Za-z0-9][A-Za-z0-9-]{3,62}/g)) if (!TLDS.has(l[0].toLowerCase())) this.learnHost(l[0]);
      }
    }
    for (const m of text.matchAll(UPSTREAM_SERVER)) if (!/^\d/.test(m[1]!)) this.learnHost(m[1]!);
    for (const m of text.matchAll(HOME)) this.learnUser(m[2]!);
    for (const m of text.matchAll(FPM_USER)) this.learnUser(m[1]!);
    for (const m of text.matchAll(ACCESS_USER)) if (m[2] !== '-') this.learnUser(m[2]!);
    for (const m of text.matchAll(USER_FIELD)) if (m[1] !== '-') this.learnUser(m[1]!);
    for (const m of text.matchAll(USERINFO)) if (m[2]) this.learnUser(decodeURIComponentSafe(m[2]));
    return this;
  }

  /** Learns from the engine's parsed facts (typed values) and all report strings. */
  learnReport(report: Report): this {
    for (const f of report.findings) {
      for (const [name, values] of Object.entries(f.facts)) {
        for (const v of values) {
          if (name === 'server' || name === 'host') for (const n of v.split(/[ \t]+/)) this.learnHost(n);
          else if (name === 'user' || name === 'remote_user') this.learnUser(v);
          this.learn(v);
        }
      }
      for (const e of f.evidence) this.learn(e.text);
    }
    for (const u of report.unrecognised) this.learn(u.text);
    return this;
  }

  private learnHost(raw: string): void {
    const name = raw.replace(/\.$/, '').toLowerCase();
    if (!name || NOT_HOSTS.has(name) || name.length < 2) return;
    if (/^[\d.]+$/.test(name) || /^[0-9a-f:]+$/.test(name)) return; // addresses are the ip kind
    if (name.startsWith('$')) return;
    if (this.isKeptHost(name)) {
      this.note('host', 'kept', name, 'reserved or this site');
      return;
    }
    if (GENERIC_NAMES.has(name)) {
      this.note('host', 'kept', name, 'generic service name');
      return;
    }
    if (!this.hosts.has(name)) this.hosts.set(name, '');
  }

  private learnUser(name: string): void {
    if (!name || name === '-' || name.length > 64) return;
    if (SYSTEM_USERS.has(name)) {
      this.note('user', 'kept', name, 'system account');
      return;
    }
    if (!this.users.has(name)) this.users.set(name, '');
  }

  private isKeptHost(name: string): boolean {
    return KEEP_HOST.test(name) || this.keepHosts.has(name);
  }

  /* ---- bookkeeping ---- */

  private note(kind: RedactionKind, list: 'removed' | 'kept', original: string, replacement: string): void {
    const l = this[list][kind];
    if (l.length < MAX_SAMPLES && !l.some(([o]) => o === original)) l.push([original.length > 80 ? `${original.slice(0, 77)}…` : original, replacement]);
  }

  private done(kind: RedactionKind, original: string, replacement: string): string {
    if (this.counting) this.counts[kind]++;
    this.note(kind, 'removed', original, replacement);
    return replacement;
  }

  private pseudonym(space: string, original: string, make: (n: number) => string): string {
    const key = `${space}\0${original}`;
    let p = this.pseudonyms.get(key);
    if (p === undefined) {
      const n = this.next.get(space) ?? 0;
      this.next.set(space, n + 1);
      p = make(n);
      this.pseudonyms.set(key, p);
    }
    return p;
  }

  private hostName(original: string): string {
    return this.pseudonym('host', original.toLowerCase(), (n) => `host-${n + 1}`);
  }

  private userName(original: string): string {
    return this.pseudonym('user', original, (n) => `user-${n + 1}`);
  }

  private ipv4(m: string): string {
    const cls = ip4Class(m);
    if (cls === 'loopback' || cls === 'keep') {
      this.note('ip', 'kept', m, cls === 'loopback' ? 'loopback' : 'wildcard');
      return m;
    }
    if (cls === 'public') return this.done('ip', m, this.pseudonym('ip4-public', m, publicAddress));
    const [base, prefix] = IP4_RANGES[cls];
    return this.done('ip', m, this.pseudonym(`ip4-${cls}`, m, (n) => nthAddress(base, prefix, n) ?? `ip-${cls}-${n + 1}`));
  }

  private ipv6(m: string): string {
    const low = m.toLowerCase();
    if (low === '::1' || low === '::') {
      this.note('ip', 'kept', m, low === '::1' ? 'loopback' : 'wildcard');
      return m;
    }
    const mapped = /^::ffff:((?:\d{1,3}\.){3}\d{1,3})$/.exec(low);
    if (mapped) return `::ffff:${this.ipv4(mapped[1]!)}`;
    const space = low.startsWith('fe80') ? 'fe80' : /^f[cd]/.test(low) ? 'fd00' : '2001:db8';
    return this.done('ip', m, this.pseudonym(`ip6-${space}`, low, (n) => `${space}::${(n + 1).toString(16)}`));
  }

  /* ---- the pass ---- */

  /** Redacts one text. Call learn() on everything first for consistent pseudonyms. */
  text(input: string): string {
    const on = this.on;
    let out = input;
    if (on.has('secret')) {
      out = out.replace(PEM, (m) => this.done('secret', m, '[redacted private key]'));
      out = out.replace(JWT, (m) => this.done('secret', m, REDACTED));
      out = out.replace(TOKENS, (m) => this.done('secret', m, REDACTED));
      out = out.replace(AUTH_HEADER, (m, name: string, sep: string, scheme: string | undefined, value: string) => {
        if (value.startsWith('$') || value === REDACTED) return m;
        return `${name}${sep}${scheme ? `${scheme} ` : ''}${this.done('secret', value, REDACTED)}`;
      });
      out = out.replace(SECRET_DIRECTIVE, (m, lead: string, head: string, value: string) => {
        const v = value.trim();
        if (v.startsWith('$') || v.includes(REDACTED)) {
          if (v.startsWith('$')) this.note('secret', 'kept', v, 'nginx variable');
          return m;
        }
        return `${lead}${head}${this.done('secret', v, REDACTED)}`;
      });
      out = out.replace(SECRET_ASSIGN, (m, head: string, value: string) => {
        const bare = value.replace(/^["']|["']$/g, '');
        if (bare === '' || bare.startsWith('$') || bare.includes(REDACTED) || /^(?:on|off|true|false|none|null|bearer|basic|token|digest|negotiate|\d{1,6}[smhd]?)$/i.test(bare)) return m;
        const q = /^["']/.test(value) ? value[0]! : '';
        return `${head}${q}${this.done('secret', bare, REDACTED)}${q && value.endsWith(q) && value.length > 1 ? q : ''}`;
      });
    }
    if (on.has('secret') || on.has('user')) {
      out = out.replace(USERINFO, (_m, scheme: string, user: string, pass: string | undefined) => {
        const u = user && on.has('user') ? this.done('user', user, this.userName(decodeURIComponentSafe(user))) : user;
        const p = pass !== undefined ? (on.has('secret') && pass !== '' ? this.done('secret', pass, REDACTED) : pass) : undefined;
        return `${scheme}${u}${p !== undefined ? `:${p}` : ''}@`;
      });
    }
    if (on.has('cookie')) {
      out = out.replace(COOKIE, (m, name: string, sep: string, value: string) => {
        const v = value.replace(/["'\s]+$/, '');
        if (!v || v.startsWith('$') || v === REDACTED) return m;
        return `${name}${sep}${this.done('cookie', v, REDACTED)}${value.slice(v.length)}`;
      });
    }
    if (on.has('query')) {
      out = out.replace(QUERY, (m, q: string) => {
        if (q.startsWith('$') || q === REDACTED) {
          if (q.startsWith('$')) this.note('query', 'kept', q, 'nginx variable');
          return m;
        }
        return `?${this.done('query', q, REDACTED)}`;
      });
    }
    if (on.has('email')) out = out.replace(EMAIL, (m) => this.done('email', m, this.pseudonym('email', m.toLowerCase(), (n) => `mail-${n + 1}@example.invalid`)));
    if (on.has('user')) {
      out = out.replace(HOME, (_m, dir: string, user: string) => `${dir}${SYSTEM_USERS.has(user) ? user : this.done('user', user, this.userName(user))}`);
      out = out.replace(ACCESS_USER, (m, head: string, user: string, tail: string) =>
        user === '-' || SYSTEM_USERS.has(user) || /^user-\d+$/.test(user) ? m : `${head}${this.done('user', user, this.userName(user))}${tail}`,
      );
    }
    if (on.has('host') || (on.has('user') && this.users.size)) out = out.replace(TOKEN, (t) => this.token(t));
    if (on.has('ip')) {
      // One pass, so an address is never redacted twice (::ffff:a.b.c.d).
      out = out.replace(ANY_IP, (m, v6: string | undefined) => {
        if (v6 === undefined) return this.ipv4(m);
        return isIpv6(m) ? this.ipv6(m) : m.replace(IPV4, (a) => this.ipv4(a));
      });
    }
    return out;
  }

  /** One name-like token: a learned host (or a name under one), a host by its TLD, or a learned user. */
  private token(t: string): string {
    const on = this.on;
    // Fast path: most tokens are plain words (no dot, no dash).
    if (t.indexOf('.') === -1 && t.indexOf('-') === -1) {
      if (on.has('host') && t.length > 2 && this.hosts.size) {
        const low = t.toLowerCase();
        if (this.hosts.has(low)) return this.done('host', t, this.hostName(low));
      }
      if (on.has('user') && this.users.has(t)) return this.done('user', t, this.userName(t));
      return t;
    }
    if (on.has('host') && t.length > 2) {
      const low = t.toLowerCase().replace(/\.$/, '');
      if (this.hosts.has(low)) return this.done('host', t, this.hostName(low));
      const dot = low.indexOf('.');
      if (dot > 0 && !/^[\d.]+$/.test(low) && !this.isKeptHost(low)) {
        // A name under a learned domain, or a dotted name with a host's last label.
        for (let i = dot; i !== -1; i = low.indexOf('.', i + 1)) {
          if (this.hosts.has(low.slice(i + 1))) return this.done('host', t, this.hostName(low));
        }
        const tld = low.slice(low.lastIndexOf('.') + 1);
        if (TLDS.has(tld) && /[a-z]/.test(low.slice(0, low.lastIndexOf('.')))) return this.done('host', t, this.hostName(low));
      } else if (dot > 0 && low !== 'example.invalid' && !/^[\d.]+$/.test(low) && this.isKeptHost(low)) this.note('host', 'kept', t, 'reserved or this site');
    }
    if (on.has('user') && this.users.size && this.users.has(t)) return this.done('user', t, this.userName(t));
    // A learned name inside a file, socket or pool name: pipedfrontend.conf, php8.2-fpm-alice.sock
    if (/[-.]/.test(t) && ((on.has('host') && this.hosts.size) || (on.has('user') && this.users.size))) {
      let changed = false;
      const parts = t.split(/([-.])/).map((p) => {
        if (on.has('user') && this.users.has(p)) {
          changed = true;
          return this.done('user', p, this.userName(p));
        }
        if (on.has('host') && p.length > 2 && this.hosts.has(p.toLowerCase())) {
          changed = true;
          return this.done('host', p, this.hostName(p));
        }
        return p;
      });
      if (changed) return parts.join('');
    }
    return t;
  }

  /** A copy of the report with every string redacted (serialize it AFTER this). */
  report(report: Report, count = true): Report {
    const counting = this.counting;
    this.counting = count;
    try {
      return this.reportCopy(report);
    } finally {
      this.counting = counting;
    }
  }

  private reportCopy(report: Report): Report {
    const copy = this.walk(report, '') as Report;
    // Evidence spans point into the original text: recompute them when redaction moved them.
    copy.findings.forEach((f, i) =>
      f.evidence.forEach((e, j) => {
        const orig = report.findings[i]!.evidence[j]!;
        if (e.text === orig.text) return;
        const [a, b] = orig.span;
        const pre = this.text(orig.text.slice(0, a));
        const mid = this.text(orig.text.slice(a, b));
        e.span = pre + mid + this.text(orig.text.slice(b)) === e.text ? [pre.length, pre.length + mid.length] : [0, 0];
      }),
    );
    return copy;
  }

  private walk(v: unknown, key: string): unknown {
    if (typeof v === 'string') return UNTOUCHED_KEYS.has(key) ? v : this.text(v);
    if (Array.isArray(v)) return v.map((x) => this.walk(x, key));
    if (v && typeof v === 'object') {
      const out = Object.create(null) as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[UNTOUCHED_KEYS.has(key) ? k : this.text(k)] = this.walk(x, k);
      return out;
    }
    return v;
  }
}

/** Report fields that come from the catalog or the engine, never from the log. */
const UNTOUCHED_KEYS = new Set(['cause', 'title', 'url', 'fixUrl', 'severity', 'confidence', 'origin', 'kind', 'rule', 'minute', 'byKind', 'timeline']);

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Redacts one text on its own (learns from it first). */
export function redact(text: string, enabled: Iterable<RedactionKind> = ALL_REDACTIONS, options: RedactOptions = {}): RedactionResult {
  const r = new Redactor(enabled, options).learn(text);
  const out = r.text(text);
  const s = r.summary();
  return { text: out, ...s, samples: s.removed };
}

export interface RedactedExport {
  /** The input for the share link, redacted (null when there is no shareable input). */
  input: string | null;
  /** The report for the ticket and the JSON download, redacted. */
  report: Report;
  summary: RedactionSummary;
}

/** One redaction for all exports: same pseudonyms in the ticket, the JSON and the share link. */
export function redactExport(input: string | null, report: Report, enabled: Iterable<RedactionKind> = ALL_REDACTIONS, options: RedactOptions = {}): RedactedExport {
  const r = new Redactor(enabled, options);
  if (input !== null) r.learn(input);
  r.learnReport(report);
  const redactedInput = input === null ? null : r.text(input);
  // The report repeats the input's values: count them once, in the input.
  const redactedReport = r.report(report, input === null);
  return { input: redactedInput, report: redactedReport, summary: r.summary() };
}
