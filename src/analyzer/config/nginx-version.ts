/**
 * Which nginx the input came from, when it says so: `nginx -v`/`-V` output, a
 * `Server: nginx/1.x` header, nginx's own error page footer, a Docker image tag
 * (`image: nginx:1.25-alpine`), an ingress-nginx controller image tag.
 */

export interface NginxVersion {
  /** "1.22.1", or the lowest release the evidence allows ("1.25" for an image tag "nginx:1.25"). */
  version?: string;
  /** Set when only an upper bound is known: the input's nginx is older than this release. */
  below?: string;
  /** What showed it, for the explanation ("nginx -v", "Server header"…). */
  source: string;
  line: number;
}

/** Compares dotted versions numerically ("1.9.13" < "1.19.10"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Is the input's nginx at least `release`? true/false when the evidence decides
 * it, undefined when it does not (no version, or a bound that does not settle it).
 */
export function atLeast(v: NginxVersion | null | undefined, release: string): boolean | undefined {
  if (!v) return undefined;
  if (v.version) return compareVersions(v.version, release) >= 0;
  if (v.below && compareVersions(v.below, release) <= 0) return false;
  return undefined;
}

const SOURCES: [RegExp, string][] = [
  [/^nginx version: (?:nginx|openresty)\/(\d+\.\d+(?:\.\d+)?)/, 'nginx -v'],
  [/^Server:\s*nginx\/(\d+\.\d+(?:\.\d+)?)/i, 'Server header'],
  [/<center>nginx\/(\d+\.\d+(?:\.\d+)?)<\/center>/, 'error page footer'],
  [/^(?:-\s*)?image:\s*["']?(?:[\w.-]+\/)*nginx(?:inc\/nginx-unprivileged)?:(\d+\.\d+(?:\.\d+)?)(?:[-\w.]*)["']?\s*$/, 'image tag'],
  [/^(?:-\s*)?image:\s*["']?(?:[\w.-]+\/)*nginx-unprivileged:(\d+\.\d+(?:\.\d+)?)(?:[-\w.]*)["']?\s*$/, 'image tag'],
];

/**
 * ingress-nginx controller releases up to v1.14 (the last line published
 * before the project's retirement) all build nginx older than 1.27.3, so the
 * tag settles every default change from 1.27.3 on (1.29.7 included).
 */
const INGRESS_CONTROLLER = /ingress-nginx\/controller:v(\d+)\.(\d+)\.\d+/;

/** The version a line reveals, or null. Cheap: lines without "nginx" are skipped at once. */
export function sniffNginxVersion(text: string, line: number): NginxVersion | null {
  if (!text.includes('nginx')) return null;
  const t = text.trim();
  for (const [re, source] of SOURCES) {
    const m = re.exec(t);
    if (m) return { version: m[1]!, source, line };
  }
  const ing = INGRESS_CONTROLLER.exec(t);
  if (ing && Number(ing[1]) <= 1 && Number(ing[2]) <= 14) return { below: '1.27.3', source: `ingress-nginx controller v${ing[1]}.${ing[2]} image`, line };
  return null;
}

/** How a version is described in notes: "nginx 1.22.1 (nginx -v, input line 3)". */
export function describeVersion(v: NginxVersion): string {
  const what = v.version ? `nginx ${v.version}` : `nginx older than ${v.below}`;
  return `${what} (${v.source}, input line ${v.line})`;
}
