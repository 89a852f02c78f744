/**
 * Offline that respects phones. A first visit precaches only the shell (home,
 * analyzer, search index) and keeps the page visited; with the network gone,
 * that page, search and the analyzer work, and an unsaved article says it is
 * not saved. "Save all for offline" then caches every other page, with
 * progress, and the unsaved article opens offline too.
 */
import type { Page } from '@playwright/test';
import { expect, openSearch, test } from './fixtures.ts';

// The other specs run without it (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(
    async () => {
      if (!('serviceWorker' in navigator)) return false;
      const reg = await navigator.serviceWorker.ready; // resolves once the shell is installed and active
      return reg.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout: 20_000 },
  );
}

const isCached = (page: Page, url: string) => page.evaluate(async (u) => (await caches.match(u)) !== undefined, url);

const REFUSED_LINE =
  '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.3.15:8080/", host: "api.example.com"';

test('sw.js precaches the shell, the analyzer and the search index only; articles are cached on visit or on request', async ({ request }) => {
  const sw = await (await request.get('/sw.js')).text();
  expect(sw).toMatch(/const VERSION = "[0-9a-f]{16}";/);
  const shell = JSON.parse(/const SHELL = (\[.*\]);/.exec(sw)![1]!) as string[];
  const rest = JSON.parse(/const REST = (\[.*\]);/.exec(sw)![1]!) as string[];
  for (const url of ['/', '/analyze/', '/api/catalog.json', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json']) expect(shell, url).toContain(url);
  expect(shell.some((u) => /^\/pagefind\/index\//.test(u))).toBe(true);
  expect(shell.some((u) => /^\/pagefind\/fragment\//.test(u))).toBe(true);
  expect(shell.some((u) => /^\/_astro\/analyzer\.worker.*\.js$/.test(u))).toBe(true);
  for (const url of ['/causes/connection-refused/', '/causes/connection-refused.md', '/collect.sh', '/guides/triage/']) {
    expect(shell, url).not.toContain(url);
    expect(rest, url).toContain(url);
  }
  expect(shell.some((u) => u.startsWith('/og/') || u.endsWith('.md'))).toBe(false);
  expect(shell.length, 'requests on a first visit').toBeLessThan(200);
  // No skipWaiting(): an open tab never has its cache swapped or deleted under it.
  expect(sw).not.toMatch(/self\.skipWaiting\(/);
});

test('offline after one visit: the visited page, search and the analyzer work; an unsaved page says so; "Save all" fixes that', async ({ page, context, watched }) => {
  test.setTimeout(90_000);
  await page.goto('/causes/connection-refused/');
  await waitForServiceWorker(page);
  await expect.poll(() => isCached(page, '/causes/connection-refused/'), { timeout: 15_000 }).toBe(true);
  expect(await isCached(page, '/causes/upstream-timed-out/'), 'an article never visited is not downloaded on a first visit').toBe(false);

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  // The page visited before the worker existed.
  const again = await page.goto('/causes/connection-refused/');
  expect(again?.fromServiceWorker()).toBe(true);
  await expect(page.locator('h1')).toContainText(/refused/i);

  // An article never visited: a clear offline page, not a broken one.
  const unsaved = await page.goto('/causes/upstream-timed-out/');
  expect(unsaved?.status()).toBe(503);
  await expect(page.locator('h1')).toHaveText('You are offline');
  await expect(page.getByRole('link', { name: 'analyzer' })).toHaveAttribute('href', '/analyze/');
  // Chromium logs the (intended) 503 of that page as a console error: expected once, and only that.
  const logged503 = watched.consoleErrors.filter((m) => /status of 503/.test(m));
  expect(logged503).toHaveLength(1);
  watched.consoleErrors.splice(watched.consoleErrors.indexOf(logged503[0]!), 1);

  // Pagefind search, from the precached index.
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('Connection refused');
  const first = page.locator('.pagefind-ui__result-link').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await expect(first).toHaveAttribute('href', /\/causes\//);

  // The analyzer: page, module worker and catalog all from the cache.
  await page.goto('/analyze/');
  await page.getByLabel(/Paste error logs/).fill(REFUSED_LINE);
  await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('[data-status]')).toContainText('Analysis complete');

  // Back online: save everything, with progress, then the unsaved article works offline.
  await context.setOffline(false);
  const save = page.getByRole('button', { name: /Save all for offline \(\d+\.\d MB\)/ });
  await expect(save).toBeVisible();
  await save.click();
  const status = page.locator('[data-save-offline-status]');
  await expect(status).toContainText(/Saved: all \d+ files/, { timeout: 60_000 });
  await expect(page.locator('[data-save-offline-progress]')).toHaveAttribute('value', '100');
  await context.setOffline(true);
  const saved = await page.goto('/causes/upstream-timed-out/');
  expect(saved?.fromServiceWorker()).toBe(true);
  expect(saved?.status()).toBe(200);
  await expect(page.locator('h1')).toContainText(/timed out/i);
  const md = await page.evaluate(async () => {
    const r = await fetch('/causes/upstream-timed-out.md');
    return { status: r.status, text: await r.text() };
  });
  expect(md.status).toBe(200);
  expect(md.text).toMatch(/^# .*timed out/i);
  await context.setOffline(false);
});

test('a shell file that fails to download does not stop the worker from installing', async ({ page, context, watched }) => {
  test.setTimeout(60_000);
  let refused = 0;
  await context.route('**/pagefind/pagefind-ui.css', async (route) => {
    refused++;
    await route.fulfill({ status: 500, body: 'deploy in progress' });
  });
  await page.goto('/guides/triage/');
  await waitForServiceWorker(page);
  expect(refused, 'the failing file was requested').toBeGreaterThan(0);
  expect(await isCached(page, '/analyze/')).toBe(true);
  expect(await isCached(page, '/pagefind/pagefind-ui.css')).toBe(false);
  void watched;
});
