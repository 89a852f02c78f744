/**
 * Offline: after one visit the service worker has cached the site, the search
 * index and the analyzer; with the network gone, another article opens, Pagefind
 * searches, and the analyzer (its worker and /api/catalog.json) names a cause.
 */
import type { Page } from '@playwright/test';
import { expect, openSearch, test } from './fixtures.ts';

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(
    async () => {
      if (!('serviceWorker' in navigator)) return false;
      const reg = await navigator.serviceWorker.ready; // resolves once the precache is installed and active
      return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout: 20_000 },
  );
}

test('sw.js is versioned by a build hash and precaches pages, search index and analyzer', async ({ request }) => {
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toMatch(/const VERSION = "[0-9a-f]{16}";/);
  const list = JSON.parse(/const PRECACHE = (\[.*\]);/.exec(sw)![1]!) as string[];
  for (const url of ['/', '/analyze/', '/causes/connection-refused/', '/causes/connection-refused.md', '/api/catalog.json', '/pagefind/pagefind.js', '/collect.sh']) {
    expect(list, url).toContain(url);
  }
  expect(list.some((u) => /^\/pagefind\/fragment\//.test(u))).toBe(true);
  expect(list.some((u) => /^\/_astro\/analyzer\.worker.*\.js$/.test(u))).toBe(true);
  expect(list.some((u) => u.startsWith('/og/'))).toBe(false);
});

test('with the network gone, articles, search and the analyzer still work', async ({ page, context, watched }) => {
  test.setTimeout(60_000);
  await page.goto('/causes/connection-refused/');
  await waitForServiceWorker(page);

  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // Another article, never visited.
  const res = await page.goto('/causes/upstream-timed-out/');
  expect(res?.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toContainText(/timed out/i);

  // Pagefind search.
  const input = await openSearch(page);
  await input.fill('Connection refused');
  const first = page.locator('.pagefind-ui__result-link').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await expect(first).toHaveAttribute('href', /\/causes\//);

  // The analyzer: page, module worker and catalog all from the cache.
  await page.goto('/analyze/');
  await page
    .getByLabel(/Paste error logs/)
    .fill(
      '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.3.15:8080/", host: "api.example.com"',
    );
  await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-status]')).toContainText('Analysis complete');

  // The Markdown view too (fetched by the page, as "Copy as Markdown" does; a browser tab on a
  // .md file would also ask for /favicon.ico, which the site does not have).
  const md = await page.evaluate(async () => {
    const r = await fetch('/causes/upstream-timed-out.md');
    return { status: r.status, text: await r.text() };
  });
  expect(md.status).toBe(200);
  expect(md.text).toMatch(/^# .*timed out/i);
  expect(failed, 'requests that failed offline').toEqual([]);
  await context.setOffline(false);
  void watched;
});
