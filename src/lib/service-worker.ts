/**
 * Offline use that respects phones. After the build (and after Starlight's
 * Pagefind step, so this integration must come after `starlight()` in
 * astro.config.mjs), walks dist/ and writes dist/sw.js, a service worker that:
 *
 * - precaches only the shell: the home page, the analyzer (page, scripts,
 *   worker, /api/catalog.json), the 404 page and the search index;
 * - caches other pages (and their Markdown views) when they are visited;
 * - caches everything else when asked to ("Save all for offline",
 *   src/components/SaveOffline.astro), reporting progress;
 * - fetches pages and unversioned files network-first, so an online visitor
 *   always gets the current build even while an older worker is in charge;
 *   content-hashed files (/_astro/, Pagefind chunks) are served cache-first;
 * - installs even when some files fail to download (they are fetched when
 *   needed), so one bad file never pins an old version;
 * - never deletes a cache an open tab may use: it does not skip waiting, so a
 *   new version activates only once no tab runs the old one, and it keeps the
 *   previous version's cache as well.
 *
 * Pages register it from <head> (src/components/Head.astro).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { listFiles } from './list-files.ts';
import type { AstroIntegration } from 'astro';

/** Built files never cached: the preview images are large and only crawlers fetch them. */
const SKIP = [/^og\//, /\.map$/, /^sitemap.*\.xml$/, /^sw\.js$/, /^robots\.txt$/];

/** What a first visit precaches: the shell, the analyzer and the search index. */
const SHELL = [
  /^\/$/,
  /^\/analyze\/$/,
  /^\/404\.html$/,
  /^\/favicon\.svg$/,
  /^\/api\/catalog\.json$/,
  /^\/_astro\//,
  /^\/pagefind\/(pagefind\.js|pagefind-ui\.(js|css)|pagefind-worker\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.en\.pagefind)$/,
  /^\/pagefind\/(index|filter|fragment)\//,
];

/** dist-relative file → the URL it is served at ("causes/x/index.html" → "/causes/x/"). */
export function fileToUrl(rel: string): string {
  const path = rel.replace(/\\/g, '/');
  if (path === 'index.html') return '/';
  if (path.endsWith('/index.html')) return `/${path.slice(0, -'index.html'.length)}`;
  return `/${path}`;
}

export const isShell = (url: string) => SHELL.some((re) => re.test(url));

export interface OfflinePlan {
  /** Every cacheable URL of the build. */
  urls: string[];
  /** Precached on install. */
  shell: string[];
  /** Cached on visit, or all at once by "Save all for offline". */
  rest: string[];
  /** Hash of the built files: names the cache. */
  version: string;
  /** Bytes of the shell and of the rest, uncompressed and gzip-compressed (what a visitor downloads). */
  shellBytes: number;
  shellGzipBytes: number;
  restBytes: number;
  restGzipBytes: number;
}

export function precacheList(distDir: string): OfflinePlan {
  const hash = createHash('sha256');
  const plan: OfflinePlan = { urls: [], shell: [], rest: [], version: '', shellBytes: 0, shellGzipBytes: 0, restBytes: 0, restGzipBytes: 0 };
  for (const file of listFiles(distDir).sort()) {
    const rel = relative(distDir, file).replace(/\\/g, '/');
    if (SKIP.some((re) => re.test(rel))) continue;
    const url = fileToUrl(rel);
    const body = readFileSync(file);
    plan.urls.push(url);
    const gz = gzipSync(body).length;
    if (isShell(url)) {
      plan.shell.push(url);
      plan.shellBytes += statSync(file).size;
      plan.shellGzipBytes += gz;
    } else {
      plan.rest.push(url);
      plan.restBytes += statSync(file).size;
      plan.restGzipBytes += gz;
    }
    hash.update(rel).update('\0').update(body).update('\0');
  }
  plan.version = hash.digest('hex').slice(0, 16);
  return plan;
}

export function serviceWorkerSource(plan: Pick<OfflinePlan, 'shell' | 'rest' | 'version' | 'restGzipBytes'>): string {
  return `/* badgateway offline service worker, generated at build time (src/lib/service-worker.ts). */
const VERSION = ${JSON.stringify(plan.version)};
const PREFIX = 'badgateway-';
const CACHE = PREFIX + VERSION;
/** Remembers which versions were activated, newest last, so the previous one can be kept. */
const META = PREFIX + 'meta';
const SHELL = ${JSON.stringify(plan.shell)};
const REST = ${JSON.stringify(plan.rest)};
const REST_BYTES = ${plan.restGzipBytes};
const KNOWN = new Set(SHELL.concat(REST));
/** Content-hashed files never change under a URL: cache-first is safe. */
const IMMUTABLE = /^\\/(_astro|pagefind\\/(index|filter|fragment))\\//;
/** How long a page request may take before a cached copy is served instead. */
const NETWORK_WAIT_MS = 4000;

/** Fetches and stores URLs, a few at a time; failures are counted, not fatal. */
async function store(urls, onProgress) {
  const cache = await caches.open(CACHE);
  let done = 0;
  const failed = [];
  let next = 0;
  async function lane() {
    while (next < urls.length) {
      const url = urls[next++];
      try {
        const response = await fetch(new Request(url, { cache: 'no-cache' }));
        if (!response.ok) throw new Error(String(response.status));
        await cache.put(url, response);
      } catch {
        failed.push(url);
      }
      done++;
      if (onProgress) onProgress(done, failed.length);
    }
  }
  await Promise.all(Array.from({ length: 6 }, lane));
  return failed;
}

self.addEventListener('install', (event) => {
  // No skipWaiting(): a new version waits until no tab runs the old one, so no open tab loses its files.
  event.waitUntil(store(SHELL));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const meta = await caches.open(META);
      const seen = await meta.match('/versions').then((r) => (r ? r.json() : []), () => []);
      const versions = seen.filter((v) => v !== VERSION).concat(VERSION).slice(-2);
      await meta.put('/versions', new Response(JSON.stringify(versions)));
      const keep = new Set(versions.map((v) => PREFIX + v).concat(META));
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && !keep.has(key)) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

/** The cached URL a request path maps to: "/causes/x" → "/causes/x/". */
function cachedPath(pathname) {
  if (KNOWN.has(pathname)) return pathname;
  if (!pathname.endsWith('/') && KNOWN.has(pathname + '/')) return pathname + '/';
  return pathname;
}

async function fromCache(path) {
  return (await caches.match(path, { cacheName: CACHE })) || (await caches.match(path));
}

function offlinePage() {
  const body = '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="color-scheme" content="light dark"><link rel="icon" href="/favicon.svg"><title>Offline · badgateway</title>' +
    '<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">' +
    '<h1>You are offline</h1><p>This page was not saved on this device. The <a href="/">home page</a>, the <a href="/analyze/">analyzer</a>, search and the pages you visited work offline.</p>' +
    '<p>To keep every article on this device, use <strong>Save all for offline</strong> on the analyzer page while online.</p></body></html>';
  return new Response(body, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = cachedPath(url.pathname);
  if (IMMUTABLE.test(path)) {
    event.respondWith(
      (async () => {
        const hit = await fromCache(path);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok && KNOWN.has(path)) {
          const copy = response.clone();
          // Still inside respondWith's lifetime, so waitUntil is allowed here.
          event.waitUntil(caches.open(CACHE).then((c) => c.put(path, copy)).catch(() => {}));
        }
        return response;
      })(),
    );
    return;
  }
  const cached = fromCache(path);
  const network = fetch(request);
  // Pages and files of this build are kept once fetched: a visited article works offline.
  event.waitUntil(
    network
      .then((response) => {
        if (response.ok && response.type === 'basic' && KNOWN.has(path) && !url.search) {
          const copy = response.clone();
          return caches.open(CACHE).then((c) => c.put(path, copy));
        }
      })
      .catch(() => {}),
  );
  event.respondWith(
    (async () => {
      // Network first; on a slow network, a cached copy after NETWORK_WAIT_MS.
      const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS)).then(() => cached);
      try {
        const first = await Promise.race([network, slow]);
        if (first) return first;
        return await network;
      } catch (error) {
        const hit = await cached;
        if (hit) return hit;
        if (request.mode === 'navigate') return offlinePage();
        throw error;
      }
    })(),
  );
});

/**
 * Messages from pages: "visited" (a page loaded before this worker controlled it, to keep as if
 * fetched through it), "status" (how much is saved) and "save-all" (cache the rest, with progress).
 */
self.addEventListener('message', (event) => {
  const port = event.ports && event.ports[0];
  const type = event.data && event.data.type;
  if (type === 'visited') {
    const path = cachedPath(String(event.data.url || ''));
    if (KNOWN.has(path)) event.waitUntil(fromCache(path).then((hit) => (hit ? null : store([path]))));
    return;
  }
  if (!port) return;
  if (type === 'status') {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        let saved = 0;
        for (const url of REST) if (await cache.match(url)) saved++;
        port.postMessage({ type: 'status', version: VERSION, saved, total: REST.length, bytes: REST_BYTES });
      })(),
    );
  } else if (type === 'save-all') {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        const missing = [];
        for (const url of REST) if (!(await cache.match(url))) missing.push(url);
        const failed = await store(missing, (done, failures) => port.postMessage({ type: 'progress', done, total: missing.length, failed: failures }));
        port.postMessage({ type: 'done', saved: REST.length - failed.length, total: REST.length, failed: failed.length });
      })(),
    );
  }
});
`;
}

export function serviceWorker(): AstroIntegration {
  return {
    name: 'badgateway:service-worker',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const plan = precacheList(distDir);
        if (!plan.shell.some((u) => u.startsWith('/pagefind/'))) {
          throw new Error('service worker: no /pagefind/ files in dist/ — the serviceWorker() integration must come after starlight() in astro.config.mjs');
        }
        writeFileSync(join(distDir, 'sw.js'), serviceWorkerSource(plan));
        const kb = (n: number) => `${Math.round(n / 1024)} KB`;
        logger.info(
          `sw.js: precaches ${plan.shell.length} files (${kb(plan.shellGzipBytes)} gzip); ${plan.rest.length} more (${kb(plan.restGzipBytes)} gzip) on visit or "Save all for offline"; version ${plan.version}`,
        );
      },
    },
  };
}
