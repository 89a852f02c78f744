/**
 * What the README and the fleet guide tell people to download is served by
 * the site: the single-file CLI with a checksum that verifies, and the fleet
 * rules the guide links to.
 */
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures.ts';

test('/badgateway.mjs is served with a sha256sum line that verifies it', async ({ request }) => {
  const js = await request.get('/badgateway.mjs');
  expect(js.status()).toBe(200);
  const body = await js.body();
  expect(body.subarray(0, 20).toString()).toBe('#!/usr/bin/env node\n');
  const sum = await request.get('/badgateway.mjs.sha256');
  expect(sum.status()).toBe(200);
  expect(await sum.text()).toBe(`${createHash('sha256').update(body).digest('hex')}  badgateway.mjs\n`);
});

test('the fleet guide links the mtail, Prometheus and Loki files, and each is served', async ({ page, request }) => {
  await page.goto('/guides/run-it-on-your-fleet/');
  const hrefs = await page.locator('main a[href^="/export/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect([...new Set(hrefs)].sort()).toEqual(['/export/loki/badgateway.rules.yml', '/export/mtail/badgateway.mtail', '/export/prometheus/badgateway.rules.yml']);
  for (const href of hrefs) {
    const r = await request.get(href);
    expect(r.status(), href).toBe(200);
    expect(await r.text(), href).toMatch(/badgateway/);
  }
});
