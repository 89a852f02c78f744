/**
 * The catalog API as published in dist/: it validates against the documented
 * schema (src/catalog/site.ts, docs/catalog-api.md), covers every article, and
 * does what docs/catalog-api.md promises — a log line maps to its article.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siteCatalogSchema, type SiteCatalog } from '../../src/catalog/site.ts';
import { analyze } from '../../src/analyzer/index.ts';
import { expect, test } from './fixtures.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const content = fileURLToPath(new URL('../../content/', import.meta.url));
const slugs = (dir: string) => readdirSync(`${content}${dir}`).filter((f) => /^[^_].*\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, ''));

function readCatalog(): SiteCatalog {
  return JSON.parse(readFileSync(`${dist}api/catalog.json`, 'utf8')) as SiteCatalog;
}

test('dist/api/catalog.json validates against the published schema', () => {
  const parsed = siteCatalogSchema.safeParse(readCatalog());
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 5), null, 2)).toBe(true);
});

test('the catalog lists every cause, status page and stack, each with a built page', () => {
  const catalog = readCatalog();
  expect(catalog.version).toBe(2);
  expect(catalog.causes.map((c) => c.id).sort()).toEqual(slugs('causes').sort());
  expect(catalog.status.map((s) => s.url).sort()).toEqual(slugs('status').map((s) => `/status/${s}/`).sort());
  expect(catalog.stacks.map((s) => s.id).sort()).toEqual(slugs('stacks').sort());
  for (const page of [...catalog.causes, ...catalog.status, ...catalog.stacks]) {
    expect(existsSync(`${dist}${page.url.slice(1)}index.html`), `${page.url} is built`).toBe(true);
  }
  const s502 = catalog.status.find((s) => s.code === 502);
  expect(s502).toMatchObject({ phrase: 'Bad Gateway', standard: true, sentToClient: true, url: '/status/502/' });
  expect(catalog.status.find((s) => s.code === 499)?.sentToClient).toBe(false);
  expect(Date.parse(catalog.generated)).not.toBeNaN();
  expect(catalog.site).toMatch(/^https?:\/\//);
});

test('a script can look up a log line’s article with the published line rules (docs/catalog-api.md)', () => {
  const catalog = readCatalog();
  // The same lookup the documentation shows: rules in order, first match wins; (?P<…>) is (?<…>) in JavaScript.
  const rules = catalog.lineRules.map((r) => ({ ...r, re: new RegExp(r.regex.replace(/\(\?P</g, '(?<')) }));
  const url = (cause: string) => catalog.causes.find((c) => c.id === cause)?.url;
  for (const [line, cause] of [
    ['2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:19001/", host: "x"', 'connection-refused'],
    ['2026/11/22 23:58:07 [error] 812#0: *1 kevent() reported that connect() failed (61: Connection refused) while connecting to upstream, client: 10.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "a"', 'connection-refused'],
    ['[22-Nov-2026 23:58:07] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it', 'php-fpm-max-children'],
  ] as const) {
    const hit = rules.find((r) => r.re.test(line));
    expect(hit?.cause, line).toBe(cause);
    expect(`${catalog.site}${url(hit!.cause)}#fix`).toMatch(new RegExp(`/causes/${cause}/#fix$`));
  }
  // The engine reads the published catalog as it is, too.
  expect(analyze('connect() failed (111: Connection refused) while connecting to upstream', { catalog }).findings[0]?.cause).toBe('connection-refused');
});

test('the served /api/catalog.json is JSON and keeps the analyzer’s shape', async ({ request }) => {
  const res = await request.get('/api/catalog.json');
  expect(res.ok()).toBe(true);
  expect(res.headers()['content-type']).toContain('application/json');
  const body = (await res.json()) as SiteCatalog;
  expect(typeof body.version).toBe('number');
  expect(body.causes.length).toBeGreaterThan(10);
  expect(body.causes[0]!.signatures[0]).toHaveProperty('pattern');
});
