import { describe, expect, it } from 'vitest';
import { loadCauseEntries } from '../../../src/catalog/from-disk.ts';
import { buildCatalog } from '../../../src/catalog/build.ts';
import { analyze } from '../../../src/analyzer/index.ts';
import { CONTENT_DIR, contentFiles } from '../../../src/lib/content-files.ts';

/**
 * Census of unix-socket articles. nginx writes the same `connect() to
 * unix:/path failed (N: …)` line whichever backend owns the socket, so an
 * article whose conditions claim that line for any path is read by Gunicorn,
 * uWSGI, Puma/GitLab and Passenger users as much as by PHP-FPM users. Such an
 * article must not be titled for one backend, and its text must speak to
 * each of them.
 */

/** The same failure as nginx logs it for sockets of different backends (probes, not corpus lines). */
const ERRNOS = [
  [2, 'No such file or directory'],
  [13, 'Permission denied'],
  [111, 'Connection refused'],
  [11, 'Resource temporarily unavailable'],
] as const;
const SOCKETS = {
  'PHP-FPM': ['fastcgi', '/run/php/php8.2-fpm.sock'],
  Gunicorn: ['http', '/run/gunicorn/app.sock'],
  uWSGI: ['uwsgi', '/run/uwsgi/app/shop/socket'],
  Puma: ['http', '/var/opt/gitlab/gitlab-rails/sockets/gitlab.socket'],
} as const;
const probe = (scheme: string, path: string, errno: number, text: string) =>
  `2026/12/07 00:50:00 [crit] 1201#1201: *7 connect() to unix:${path} failed (${errno}: ${text}) while connecting to upstream, client: 192.0.2.1, server: app.example.com, request: "GET / HTTP/1.1", upstream: "${scheme}://unix:${path}:", host: "app.example.com"`;

/** Backend names a title might be written for. */
const BACKENDS: Record<string, RegExp> = {
  'PHP-FPM': /php-?fpm|\bphp\b/i,
  Gunicorn: /gunicorn/i,
  uWSGI: /uwsgi/i,
  Puma: /\bpuma\b|gitlab/i,
  Passenger: /passenger/i,
  'Node.js': /\bnode(?:\.?js)?\b/i,
};
/** Each of these must be named in the text of a general socket article. */
const MUST_NAME = ['Gunicorn', 'uWSGI', 'Puma', 'Passenger'] as const;

const entries = loadCauseEntries(CONTENT_DIR);
const bodies = new Map(contentFiles().map((f) => [f.id, f.body]));

/** Articles that the engine picks for a unix-socket connect failure of every backend's socket (for one errno at least). */
function generalSocketArticles() {
  const catalog = buildCatalog(entries);
  const causeOf = (line: string): string | null => {
    let cause: string | null = null;
    analyze(line, { catalog, onLine: (l) => (cause = l.cause) });
    return cause;
  };
  const general = new Set<string>();
  for (const [errno, text] of ERRNOS) {
    const causes = Object.values(SOCKETS).map(([scheme, path]) => causeOf(probe(scheme, path, errno, text)));
    if (causes[0] && causes.every((c) => c === causes[0])) general.add(causes[0]);
  }
  return entries.filter((e) => general.has(e.slug));
}

describe('unix-socket articles fit every backend', () => {
  const general = generalSocketArticles();

  it('finds the general unix-socket articles (missing, permission denied, refused, backlog)', () => {
    const slugs = general.map((e) => e.slug);
    for (const slug of ['php-fpm-socket-missing', 'php-fpm-socket-permission-denied', 'unix-socket-connection-refused']) expect(slugs).toContain(slug);
  });

  it('titles none of them for a single backend', () => {
    const singleBackend = general
      .map((e) => ({ slug: e.slug, title: e.data.title, named: Object.keys(BACKENDS).filter((b) => BACKENDS[b]!.test(e.data.title)) }))
      .filter((t) => t.named.length === 1);
    expect(singleBackend).toEqual([]);
  });

  it('names Gunicorn, uWSGI, Puma and Passenger in the text of each', () => {
    const missing = general
      .map((e) => ({ slug: e.slug, missing: MUST_NAME.filter((b) => !BACKENDS[b]!.test(bodies.get(`causes/${e.slug}`) ?? '')) }))
      .filter((m) => m.missing.length > 0);
    expect(missing).toEqual([]);
  });
});
