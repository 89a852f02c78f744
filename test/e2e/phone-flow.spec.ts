/**
 * The analyzer as someone mid-incident uses it on a phone: paste, see the
 * result header (count, copy for ticket, share) at once, causes first with
 * only the first one expanded, a timeline with axes that answers taps and
 * keys, monospaced log text, per-line anatomy, and no axe violation in
 * either theme.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };

/** The first 51 lines of the page's own samples: real lines from the lab and issue threads, many causes. */
function fiftyOneLines(): string {
  const html = readFileSync(new URL('../../dist/analyze/index.html', import.meta.url), 'utf8');
  const json = /<script type="application\/json" data-samples>(.*?)<\/script>/s.exec(html)![1]!;
  const text = (JSON.parse(json) as string[]).join('\n').split('\n').slice(0, 51).join('\n');
  expect(text.split('\n')).toHaveLength(51);
  return text;
}

/** Pastes as a person does (clipboard + Ctrl+V), which is what brings the result into view. */
async function pasteFromClipboard(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByLabel(/Paste error logs/).focus();
  await page.keyboard.press('Control+V');
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

for (const theme of ['dark', 'light'] as const) {
  test(`on a phone (${theme}), a 51-line paste lands on a compact result header with the exports`, async ({ page, watched }) => {
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/analyze/');
    await pasteFromClipboard(page, fiftyOneLines());
    const head = page.locator('[data-result-head]');
    await expect(head).toBeFocused();
    await expect(head).toBeInViewport();
    await expect(head.getByRole('heading', { level: 2 })).toHaveText(/^\d+ causes? found$/);
    for (const name of ['Copy for ticket', 'Copy share link']) await expect(head.getByRole('button', { name })).toBeInViewport();
    // Causes first, only the first one expanded.
    const more = page.locator('.az-finding details[data-f-more]');
    expect(await more.count()).toBeGreaterThan(2);
    expect(await more.evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open))).toEqual([true, ...Array<boolean>((await more.count()) - 1).fill(false)]);
    const screens = await page.evaluate(() => document.documentElement.scrollHeight / innerHeight);
    expect(screens, 'page length in phone screens').toBeLessThan(10);
    // Log text is monospaced (Starlight does not define --sl-font-mono by itself).
    const font = await page.locator('.az-finding .az-line').first().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(font).toMatch(/monospace/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'horizontal overflow').toBeLessThanOrEqual(0);

    // Ticket and share from the header, then the link reopened on another phone lands on the same header.
    const heading = await head.getByRole('heading', { level: 2 }).textContent();
    await head.getByRole('button', { name: 'Copy for ticket' }).click();
    await expect(head.locator('[data-export-note]')).toContainText('Copied');
    await expect(head.locator('[data-export-note]')).toBeInViewport();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^## badgateway analysis/);
    await head.getByRole('button', { name: 'Copy share link' }).click();
    await expect(head.locator('[data-export-note]')).toContainText('Share link copied');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    const other = await page.context().newPage();
    await other.setViewportSize(PHONE);
    await other.emulateMedia({ colorScheme: theme });
    await other.goto(url);
    const reopened = other.locator('[data-result-head]');
    await expect(reopened).toBeFocused();
    await expect(reopened).toBeInViewport();
    await expect(reopened.getByRole('heading', { level: 2 })).toHaveText(heading!);
    await other.close();
    void watched;
  });

  test(`axe finds nothing on a phone in ${theme}, with redaction preview, anatomy and timeline shown`, async ({ page, watched }) => {
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/analyze/');
    await pasteFromClipboard(page, fiftyOneLines());
    await expect(page.locator('[data-result-head]')).toBeFocused();
    await page.locator('[data-redact] summary').click();
    await expect(page.locator('[data-redact-preview] del').first()).toBeVisible();
    await page.locator('.az-finding [data-explain]').first().click();
    await expect(page.locator('[data-anatomy]')).toBeVisible();
    await page.locator('[data-unrecognised-wrap] summary').click();
    await expect(page.locator('[data-timeline-plot]')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    void watched;
  });
}

test('the timeline has labelled axes and answers keys and taps', async ({ page, watched }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/analyze/');
  await page.getByLabel(/Paste error logs/).fill(fiftyOneLines());
  const plot = page.getByRole('slider', { name: /Errors per minute/ });
  await expect(plot).toBeVisible();
  const axes = page.locator('[data-timeline-wrap]');
  await expect(axes.locator('.az-tl__y')).toContainText('errors');
  await expect(axes.locator('.az-tl__x')).toContainText(/\d{2}:\d{2}.*\d{2}:\d{2}/s);
  const readout = page.locator('[data-timeline-readout]');
  const peak = await readout.textContent();
  expect(peak).toMatch(/^\S.*\d{2}:\d{2}: \d+ error lines?/);
  await expect(plot).toHaveAttribute('aria-valuetext', peak!);
  await plot.focus();
  await page.keyboard.press('Home');
  await expect(plot).toHaveAttribute('aria-valuenow', '0');
  await expect(readout).not.toHaveText(peak!);
  await page.keyboard.press('ArrowRight');
  await expect(plot).toHaveAttribute('aria-valuenow', '1');
  const max = Number(await plot.getAttribute('aria-valuemax'));
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
  await expect(plot).toHaveAttribute('aria-valuenow', String(max));
  void watched;
});

test('clicking or pressing Enter on a line shows its parts; text only', async ({ page, watched }) => {
  await page.goto('/analyze/');
  const evil =
    '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4, server: x, request: "GET /<img src=x onerror=alert(1)> HTTP/1.1", upstream: "http://127.0.0.1:9/", host: "x"\nsomething <b>odd</b> happened';
  await page.getByLabel(/Paste error logs/).fill(evil);
  const line = page.locator('.az-finding[data-cause="connection-refused"] [data-explain]').first();
  await line.click();
  const panel = page.locator('[data-anatomy]').first();
  await expect(line).toHaveAttribute('aria-expanded', 'true');
  for (const text of ['Level', 'error', 'System call', 'connect()', '111: Connection refused', 'ECONNREFUSED', 'Phase', 'connecting to upstream', 'Backend port', '502'])
    await expect(panel).toContainText(text);
  await expect(panel.locator('img, b')).toHaveCount(0);
  await line.press('Enter');
  await expect(line).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('[data-anatomy]')).toHaveCount(0);
  // An unrecognised line, by keyboard alone.
  await page.locator('[data-unrecognised-wrap] summary').click();
  const odd = page.locator('[data-unrecognised] [data-explain]').first();
  await odd.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-anatomy]')).toContainText(/not recognised/i);
  await expect(page.locator('[data-anatomy] b')).toHaveCount(0);
  void watched;
});

test('a share link opened in a tab already on the analyzer loads the new input', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await page.getByLabel(/Paste error logs/).fill('2026/11/22 23:58:07 [error] 1#1: *1 no live upstreams while connecting to upstream, client: 127.0.0.1, server: x, request: "GET / HTTP/1.1", upstream: "http://backend/", host: "x"');
  await expect(page.locator('.az-finding[data-cause="no-live-upstreams"]')).toBeVisible();
  const line = '2026/11/22 23:58:21 [crit] 1893#1893: *41 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream';
  await page.evaluate((l) => (location.hash = new URLSearchParams({ line: l }).toString()), line);
  await expect(page.locator('.az-finding[data-cause="php-fpm-socket-missing"]')).toBeVisible();
  await expect(page.getByLabel(/Paste error logs/)).toHaveValue(line);
  await expect(page.locator('.az-finding[data-cause="no-live-upstreams"]')).toHaveCount(0);
  void watched;
});
