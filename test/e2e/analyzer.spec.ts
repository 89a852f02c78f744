import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const MIXED = [
  '[22-Nov-2026 23:58:11] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it',
  '2026/11/22 23:58:21 [crit] 1893#1893: *41 connect() to unix:/run/php/php7.4-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 203.0.113.7, server: blog.example.com, request: "GET / HTTP/1.1", upstream: "fastcgi://unix:/run/php/php7.4-fpm.sock:", host: "blog.example.com"',
  '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.example.com, request: "GET /v1/orders?token=abc HTTP/1.1", upstream: "http://10.0.3.15:8080/v1/orders", host: "api.example.com"',
  '2026/11/22 23:58:40 [error] 18503#18503: *9 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 198.51.100.23, server: api.example.com, request: "GET /report HTTP/1.1", upstream: "http://10.0.3.15:8080/report", host: "api.example.com"',
  '198.51.100.23 - - [22/Nov/2026:23:58:07 +0000] "GET /v1/orders?token=abc HTTP/1.1" 502 157 "-" "curl/8.5.0"',
].join('\n');

async function paste(page: Page, text: string) {
  const box = page.getByLabel(/Paste error logs/);
  await box.fill(text);
}

const finding = (page: Page, cause: string) => page.locator(`.az-finding[data-cause="${cause}"]`);

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a pasted multi-source log names its causes, linked to the articles and their fixes', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await paste(page, MIXED);
  await expect(finding(page, 'php-fpm-socket-missing')).toBeVisible();
  await expect(finding(page, 'connection-refused')).toBeVisible();
  await expect(finding(page, 'upstream-timed-out')).toBeVisible();
  await expect(page.locator('[data-status]')).toContainText('Analysis complete');
  const refused = finding(page, 'connection-refused');
  await expect(refused.locator('mark').first()).toContainText('Connection refused');
  await expect(refused.locator('.az-status-badge')).toHaveText('502');
  await refused.getByRole('link', { name: /How to fix/ }).click();
  await expect(page).toHaveURL(/\/causes\/connection-refused\/#fix$/);
  await expect(page.locator('h2#fix')).toBeInViewport();
  void watched;
});

test('log lines with HTML in them are shown as text, never run', async ({ page, watched }) => {
  await page.goto('/analyze/');
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const evil =
    '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4, server: x, request: "GET /<script>alert(1)</script><img src=x onerror=alert(2)> HTTP/1.1", upstream: "http://127.0.0.1:9/", host: "x"\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await paste(page, evil);
  await expect(finding(page, 'connection-refused')).toBeVisible();
  await expect(page.locator('.az-results img, .az-results script')).toHaveCount(0);
  await expect(finding(page, 'connection-refused').locator('.az-line').first()).toContainText('<script>alert(1)</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  void watched;
});

test('a share link carries the input in the fragment, redacted, and restores it', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await paste(page, MIXED);
  await expect(finding(page, 'connection-refused')).toBeVisible();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.locator('[data-export-note]')).toContainText('Share link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/\/analyze\/#v=1&input=/);
  const restored = await page.context().newPage();
  await restored.goto(url);
  // The link is decoded in the worker: wait for the analysis it starts.
  await expect(restored.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
  const text = await restored.getByLabel(/Paste error logs/).inputValue();
  expect(text).toContain('connect() failed (111: Connection refused)');
  for (const secret of ['203.0.113.7', '198.51.100.23', '10.0.3.15', 'api.example.com', 'blog.example.com', 'token=abc'])
    expect(text, `the shared input still contains ${secret}`).not.toContain(secret);
  await expect(restored.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
  void watched;
});

test('the ticket Markdown is redacted by default and names the causes with links', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await paste(page, MIXED);
  await expect(finding(page, 'php-fpm-socket-missing')).toBeVisible();
  await page.locator('[data-redact] summary').click();
  await expect(page.locator('[data-redact-preview]')).toContainText('→');
  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  await expect(page.locator('[data-export-note]')).toContainText('Copied');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toContain('/causes/php-fpm-socket-missing/#fix');
  expect(md).toMatch(/server's local time/);
  for (const secret of ['203.0.113.7', '198.51.100.23', '10.0.3.15', 'api.example.com', 'blog.example.com']) expect(md).not.toContain(secret);
  // Turning a kind off keeps it.
  await page.getByLabel(/^IP addresses/).uncheck();
  await page.getByRole('button', { name: 'Copy for ticket' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('10.0.3.15');
  void watched;
});

test('cancel stops a running analysis', async ({ page, watched }) => {
  test.setTimeout(60_000);
  await page.goto('/analyze/');
  await page.evaluate(() => {
    const block = '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: x, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:9/", host: "x"\n'.repeat(5000);
    const file = new File(Array.from({ length: 200 }, () => block), 'big.log');
    const dt = new DataTransfer();
    dt.items.add(file);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('[data-progress]')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-status]')).toHaveText('Analysis cancelled.');
  await expect(page.locator('[data-progress]')).toBeHidden();
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-results]')).toBeHidden();
  void watched;
});

test('the analyzer page passes axe in light and dark, and on a phone', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await paste(page, MIXED);
  await expect(finding(page, 'connection-refused')).toBeVisible();
  for (const theme of ['dark', 'light']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const { violations } = await new AxeBuilder({ page }).include('main').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow on a phone').toBeLessThanOrEqual(0);
  void watched;
});

test('the analyzer is usable with the keyboard alone', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await page.getByLabel(/Paste error logs/).focus();
  await page.keyboard.type('2026/11/22 23:58:07 [error] 1#1: *1 no live upstreams while connecting to upstream, client: 127.0.0.1, server: x, request: "GET / HTTP/1.1", upstream: "http://backend/", host: "x"');
  await expect(finding(page, 'no-live-upstreams')).toBeVisible();
  await expect(page.locator('[data-status]')).toContainText('Analysis complete');
  const sample = page.getByLabel('Try a sample');
  await sample.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.az-finding').first()).toBeVisible();
  void watched;
});

test('search offers "Analyze this line" for a pasted log line', async ({ page, watched }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).first().click();
  const line = '2026/11/22 23:58:21 [crit] 1893#1893: *41 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream';
  await page.locator('#starlight__search .pagefind-ui__search-input').fill(line);
  const offer = page.getByRole('link', { name: /Analyze it/ });
  await expect(offer).toBeVisible();
  await offer.click();
  await expect(page).toHaveURL(/\/analyze\/#line=/);
  await expect(page.locator('.az-finding[data-cause="php-fpm-socket-missing"]')).toBeVisible();
  void watched;
});
