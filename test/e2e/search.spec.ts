import { expect, openSearch, test } from './fixtures.ts';

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

// One page for all of them: what is checked is each query's first result, not the page load.
test('each error message people paste finds its article first', async ({ page, watched }) => {
  await page.goto('/');
  const input = await openSearch(page);
  const first = page.locator('.pagefind-ui__result-link').first();
  for (const [query, slug] of QUERIES) {
    await test.step(`"${query}" → /causes/${slug}/`, async () => {
      await input.fill(query);
      await expect.soft(first, `first result for "${query}"`).toHaveAttribute('href', new RegExp(`/causes/${slug}/$`));
    });
  }
  void watched;
});

test('search results can be filtered by status code', async ({ page, watched }) => {
  await page.goto('/');
  const input = await openSearch(page);
  const filters = page.locator('.pagefind-ui__filter-panel');
  // Pagefind's UI takes its filter groups from each search's loaded filter chunks: a search typed
  // before they all arrived (a loaded machine, the service worker's first precache competing)
  // shows some groups until the next search, as a user's next keystroke would.
  await expect(async () => {
    await input.fill('');
    await input.fill('upstream');
    await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible();
    await expect(filters).toContainText('status', { timeout: 3_000 });
    await expect(filters).toContainText('layer', { timeout: 3_000 });
  }).toPass({ timeout: 40_000 });
  void watched;
});
