/**
 * The generated sw.js, run against an in-memory CacheStorage and network:
 * what it precaches, that a failed file does not block a new version, that
 * online visitors get the current build, that offline falls back to the
 * cache, that activation keeps the previous version's cache, and that
 * "save all" caches the rest with progress.
 */
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../../src/lib/service-worker.ts';

const ORIGIN = 'https://site.test';

class FakeRequest {
  url: string;
  method = 'GET';
  mode: string;
  constructor(url: string, init: { mode?: string } = {}) {
    this.url = new URL(url, ORIGIN).href;
    this.mode = init.mode ?? 'cors';
  }
}

const keyOf = (r: string | { url: string }) => new URL(typeof r === 'string' ? r : r.url, ORIGIN).pathname;

/** A CacheStorage over Maps: enough of the API sw.js uses. */
function fakeCaches() {
  const store = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!store.has(name)) store.set(name, new Map());
    const m = store.get(name)!;
    return {
      put: async (req: string | { url: string }, res: Response) => void m.set(keyOf(req), res),
      match: async (req: string | { url: string }) => m.get(keyOf(req))?.clone(),
    };
  };
  return {
    store,
    api: {
      open,
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
      match: async (req: string, opts: { cacheName?: string } = {}) => {
        for (const [name, m] of store) if (!opts.cacheName || opts.cacheName === name) {
          const hit = m.get(keyOf(req));
          if (hit) return hit.clone();
        }
        return undefined;
      },
    },
  };
}

interface Net {
  online: boolean;
  files: Record<string, string>;
  failing: Set<string>;
  requests: string[];
}

function load(version: string, shell: string[], rest: string[], caches = fakeCaches(), net: Net = { online: true, files: {}, failing: new Set(), requests: [] }) {
  const handlers: Record<string, (e: unknown) => void> = {};
  const self = { addEventListener: (t: string, h: (e: unknown) => void) => (handlers[t] = h), location: { origin: ORIGIN }, clients: { claim: async () => undefined } };
  const fetch = async (req: { url: string }) => {
    const path = keyOf(req);
    net.requests.push(path);
    if (!net.online) throw new TypeError('Failed to fetch');
    if (net.failing.has(path)) return new Response('oops', { status: 500 });
    const body = net.files[path];
    return body === undefined ? new Response('not found', { status: 404 }) : Object.defineProperty(new Response(body, { status: 200 }), 'type', { value: 'basic' });
  };
  new Function('self', 'caches', 'fetch', 'Request', serviceWorkerSource({ version, shell, rest, restGzipBytes: 1234 }))(self, caches.api, fetch, FakeRequest);
  const extendable = () => {
    const pending: Promise<unknown>[] = [];
    return { pending, waitUntil: (p: Promise<unknown>) => void pending.push(p) };
  };
  return {
    caches,
    net,
    async install() {
      const e = extendable();
      handlers.install!(e);
      await Promise.all(e.pending);
    },
    async activate() {
      const e = extendable();
      handlers.activate!(e);
      await Promise.all(e.pending);
    },
    async get(path: string, mode = 'navigate'): Promise<Response> {
      const e = extendable();
      let response: Promise<Response> | undefined;
      handlers.fetch!({ ...e, request: new FakeRequest(path, { mode }), respondWith: (p: Promise<Response>) => (response = p) });
      const r = await response!;
      await Promise.all(e.pending);
      return r;
    },
    async message(type: string, extra: Record<string, unknown> = {}): Promise<unknown[]> {
      const e = extendable();
      const replies: unknown[] = [];
      handlers.message!({ ...e, data: { type, ...extra }, ports: [{ postMessage: (m: unknown) => replies.push(m) }] });
      await Promise.all(e.pending);
      return replies;
    },
  };
}

const SHELL = ['/', '/analyze/', '/_astro/app.1.js', '/pagefind/index/en_1.pf_index'];
const REST = ['/causes/a/', '/causes/b/', '/causes/a.md'];
const files = (v: string) => Object.fromEntries([...SHELL, ...REST].map((u) => [u, `${u} v${v}`]));

describe('service worker', () => {
  it('precaches only the shell, and a failed file does not fail the install', async () => {
    const sw = load('v1', SHELL, REST);
    sw.net.files = files('1');
    sw.net.failing.add('/_astro/app.1.js');
    await expect(sw.install()).resolves.toBeUndefined();
    await sw.activate();
    const cached = [...sw.caches.store.get('badgateway-v1')!.keys()].sort();
    expect(cached).toEqual(['/', '/analyze/', '/pagefind/index/en_1.pf_index']);
    // The file that failed is fetched (and kept) when a page needs it.
    sw.net.failing.clear();
    expect(await (await sw.get('/_astro/app.1.js', 'no-cors')).text()).toBe('/_astro/app.1.js v1');
    expect(sw.caches.store.get('badgateway-v1')!.has('/_astro/app.1.js')).toBe(true);
  });

  it('serves pages network-first (never an old version while online), caches visited pages, and falls back offline', async () => {
    const sw = load('v1', SHELL, REST);
    sw.net.files = files('1');
    await sw.install();
    await sw.activate();
    sw.net.files = files('2'); // a new deploy while this worker is still in charge
    expect(await (await sw.get('/')).text()).toBe('/ v2');
    expect(await (await sw.get('/causes/a/')).text()).toBe('/causes/a/ v2');
    sw.net.online = false;
    expect(await (await sw.get('/causes/a')).text()).toBe('/causes/a/ v2');
    expect(await (await sw.get('/')).text()).toBe('/ v2');
    const notSaved = await sw.get('/causes/b/');
    expect(notSaved.status).toBe(503);
    expect(await notSaved.text()).toContain('You are offline');
  });

  it('keeps the page of the first visit, which loaded before the worker controlled it', async () => {
    const sw = load('v1', SHELL, REST);
    sw.net.files = files('1');
    await sw.install();
    await sw.activate();
    await sw.message('visited', { url: '/causes/a/' });
    await sw.message('visited', { url: '/not-a-page-of-this-build/' });
    expect([...sw.caches.store.get('badgateway-v1')!.keys()]).toContain('/causes/a/');
    expect([...sw.caches.store.get('badgateway-v1')!.keys()]).not.toContain('/not-a-page-of-this-build/');
  });

  it('serves content-hashed files from the cache without the network', async () => {
    const sw = load('v1', SHELL, REST);
    sw.net.files = files('1');
    await sw.install();
    sw.net.requests.length = 0;
    expect(await (await sw.get('/pagefind/index/en_1.pf_index', 'cors')).text()).toBe('/pagefind/index/en_1.pf_index v1');
    expect(sw.net.requests).toEqual([]);
  });

  it('keeps the previous version\'s cache on activate and deletes only older ones', async () => {
    const caches = fakeCaches();
    const net: Net = { online: true, files: files('1'), failing: new Set(), requests: [] };
    for (const v of ['v1', 'v2', 'v3']) {
      const sw = load(v, SHELL, REST, caches, net);
      await sw.install();
      expect(caches.store.has(`badgateway-${v}`)).toBe(true);
      await sw.activate();
    }
    expect([...caches.store.keys()].sort()).toEqual(['badgateway-meta', 'badgateway-v2', 'badgateway-v3']);
    // Installing v4 deletes nothing: tabs on v3 keep their files until v4 activates.
    const v4 = load('v4', SHELL, REST, caches, net);
    await v4.install();
    expect([...caches.store.keys()].sort()).toEqual(['badgateway-meta', 'badgateway-v2', 'badgateway-v3', 'badgateway-v4']);
  });

  it('"save-all" caches every other page with progress, and "status" counts them', async () => {
    const sw = load('v1', SHELL, REST);
    sw.net.files = files('1');
    await sw.install();
    await sw.activate();
    expect(await sw.message('status')).toEqual([{ type: 'status', version: 'v1', saved: 0, total: 3, bytes: 1234 }]);
    sw.net.failing.add('/causes/b/');
    const replies = (await sw.message('save-all')) as { type: string; done?: number; failed?: number }[];
    expect(replies.filter((r) => r.type === 'progress').map((r) => r.done)).toEqual([1, 2, 3]);
    expect(replies.at(-1)).toEqual({ type: 'done', saved: 2, total: 3, failed: 1 });
    sw.net.failing.clear();
    expect((await sw.message('save-all')).at(-1)).toEqual({ type: 'done', saved: 3, total: 3, failed: 0 });
    sw.net.online = false;
    expect(await (await sw.get('/causes/b/')).text()).toBe('/causes/b/ v1');
  });
});
