/**
 * Offline use. After the build (and after Starlight's Pagefind step, so this
 * integration must come after `starlight()` in astro.config.mjs), walks dist/
 * and writes dist/sw.js: a service worker that precaches every page, its
 * Markdown view, the search index (/pagefind/…), the analyzer (its JS, its
 * worker, /api/catalog.json) and /collect.sh, under a cache named by a hash of
 * the built files. A new build = a new cache; old ones are deleted on activate.
 * Pages register it from <head> (src/route-data.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from './list-files.ts';
import type { AstroIntegration } from 'astro';

/** Built files never precached: the preview images are large and only crawlers fetch them. */
const SKIP = [/^og\//, /\.map$/, /^sitemap.*\.xml$/, /^sw\.js$/, /^robots\.txt$/];


/** dist-relative file → the URL it is served at ("causes/x/index.html" → "/causes/x/"). */
export function fileToUrl(rel: string): string {
  const path = rel.replace(/\\/g, '/');
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

export function precacheList(distDir: string): { urls: string[]; version: string } {
  const hash = createHash('sha256');
  const urls: string[] = [];
  for (const file of listFiles(distDir).sort()) {
    const rel = relative(distDir, file).replace(/\\/g, '/');
    if (SKIP.some((re) => re.test(rel))) continue;
    urls.push(fileToUrl(rel));
    hash.update(rel).update('\0').update(readFileSync(file)).update('\0');
  }
  return { urls, version: hash.digest('hex').slice(0, 16) };
}

export function serviceWorkerSource(urls: string[], version: string): string {
  return `/* badgateway offline service worker, generated at build time (src/lib/service-worker.ts). */
const VERSION = ${JSON.stringify(version)};
const CACHE = 'badgateway-' + VERSION;
const RUNTIME = 'badgateway-runtime-' + VERSION;
const PRECACHE = ${JSON.stringify(urls)};
const PRECACHED = new Set(PRECACHE);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Small batches: one failing file fails the install (and the old worker keeps serving).
      for (let i = 0; i < PRECACHE.length; i += 24) {
        await cache.addAll(PRECACHE.slice(i, i + 24).map((u) => new Request(u, { cache: 'reload' })));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('badgateway-') && key !== CACHE && key !== RUNTIME) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

/** The precached URL a request path maps to: "/causes/x" → "/causes/x/". */
function precachedPath(pathname) {
  if (PRECACHED.has(pathname)) return pathname;
  if (!pathname.endsWith('/') && PRECACHED.has(pathname + '/')) return pathname + '/';
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = precachedPath(url.pathname);
  event.respondWith(
    (async () => {
      // Precached files are immutable for this version: serve them from the cache, no network round trip.
      if (path) {
        const hit = await caches.match(path, { cacheName: CACHE });
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          caches.open(RUNTIME).then((c) => c.put(request, copy)).catch(() => {});
        }
        return response;
      } catch (error) {
        const cached = await caches.match(request, { ignoreSearch: true });
        if (cached) return cached;
        if (request.mode === 'navigate') {
          const notFound = await caches.match('/404.html', { cacheName: CACHE });
          if (notFound) return new Response(await notFound.blob(), { status: 404, headers: notFound.headers });
        }
        throw error;
      }
    })(),
  );
});
`;
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'badgateway:service-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const { urls, version } = precacheList(distDir);
        if (!urls.some((u) => u.startsWith('/pagefind/'))) {
          throw new Error('service worker: no /pagefind/ files in dist/ — the serviceWorker() integration must come after starlight() in astro.config.mjs');
        }
        writeFileSync(join(distDir, 'sw.js'), serviceWorkerSource(urls, version));
        logger.info(`sw.js: ${urls.length} files precached, cache version ${version}`);
      },
    },
  };
}
