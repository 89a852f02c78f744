import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, openSearch, test } from './fixtures.ts';

/** Pagefind's filter index files in the build (type, status, layer, stack). */
const FILTER_CHUNKS = readdirSync(fileURLToPath(new URL('../../dist/pagefind/filter/', import.meta.url))).filter((f) => f.endsWith('.pf_filter')).length;

/** Error-message fragments people paste into search, and the article that must come first. */
const QUERIES: [string, string][] = [
  ['111: Connection refused', 'connection-refused'],
  ['too big header', 'upstream-sent-too-big-header'],
  ['Primary script unknown', 'primary-script-unknown'],
  ['no live upstreams', 'no-live-upstreams'],
  ['upstream prematurely closed connection', 'upstream-prematurely-closed'],
  ['no resolver defined to resolve', 'resolver-not-defined'],
  ['wrong version number', 'ssl-wrong-version-number'],
  ['server reached pm.max_children setting', 'php-fpm-max-children'],
  ['11: Resource temporarily unavailable', 'php-fpm-listen-backlog-full'],
  ['worker_connections are not enough', 'worker-connections-not-enough'],
  ['host not found in upstream', 'host-not-found-in-upstream'],
  ['WORKER TIMEOUT', 'gunicorn-worker-timeout'],
  ['No such file or directory while connecting to upstream', 'php-fpm-socket-missing'],
  ['upstream sent no valid HTTP/1.0 header', 'upstream-not-http'],
  ['certificate verify error', 'ssl-certificate-verify-failed'],
  ['unsupported FastCGI protocol version', 'fastcgi-pass-to-http'],
];

for (const [query, slug] of QUERIES) {
  test(`search for "${query}" finds /causes/${slug}/ first`, async ({ page, watched }) => {
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill(query);
    const first = page.locator('.pagefind-ui__result-link').first();
    await expect(first).toBeVisible();
    await expect(first).toHaveAttribute('href', new RegExp(`/causes/${slug}/$`));
    void watched;
  });
}

test('search results can be filtered by status code', async ({ page, watched }) => {
  // Pagefind's UI takes its filter groups from the first search's loaded filter chunks: a search
  // typed before every chunk has arrived (a loaded machine, the service worker's first precache
  // competing) shows only some groups until the next search. Search once the index has them all.
  const chunks = new Set<string>();
  page.on('response', (r) => {
    if (r.ok() && /\/pagefind\/filter\/[^/]+\.pf_filter$/.test(r.url())) chunks.add(r.url());
  });
  await page.goto('/');
  const input = await openSearch(page);
  await expect.poll(() => chunks.size, { timeout: 20_000 }).toBe(FILTER_CHUNKS);
  await input.fill('upstream');
  await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
  const filters = page.locator('.pagefind-ui__filter-panel');
  // Filter groups arrive as Pagefind fetches their chunks, which competes with the
  // service worker's first precache on a loaded CI machine: allow for it.
  await expect(filters).toContainText('status', { timeout: 20_000 });
  await expect(filters).toContainText('layer', { timeout: 20_000 });
  void watched;
});
