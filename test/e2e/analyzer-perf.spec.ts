import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/**
 * Main-thread responsiveness while a big file is analysed. Runs in the "perf"
 * project, after every other spec, so no parallel test competes for the CPU
 * and a long task means our main thread did too much, not that it was starved.
 */
const finding = (page: Page, cause: string) => page.locator(`.az-finding[data-cause="${cause}"]`);

test('a dropped 50 MB file shows progress, then results, without long tasks on the main thread', async ({ page, watched }) => {
  test.setTimeout(120_000);
  await page.goto('/analyze/');
  await expect(page.locator('[data-analyzer]')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.evaluate(async () => {
    // 50 MB of realistic lines built as Blob parts (no giant string on the main thread).
    const line =
      '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"\n' +
      '127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET /ok HTTP/1.1" 200 612 "-" "curl/7.88.1"\n';
    const block = line.repeat(2000);
    const parts = Array.from({ length: Math.ceil((50 * 1024 * 1024) / block.length) }, () => block);
    const file = new File(parts, 'error.log', { type: 'text/plain' });
    // Let the observer report the long task of building the test file before we start counting.
    await new Promise((r) => setTimeout(r, 300));
    (window as unknown as { __longStart: number }).__longStart = (window as unknown as { __long: number[] }).__long.length;
    const dt = new DataTransfer();
    dt.items.add(file);
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('[data-progress]')).toBeVisible();
  await expect(page.locator('[data-file-name]')).toContainText('error.log');
  await expect(finding(page, 'connection-refused')).toBeVisible({ timeout: 100_000 });
  const long = await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longStart: number };
    return w.__long.slice(w.__longStart);
  });
  expect(long, 'main-thread long tasks (ms) during analysis').toEqual([]);
  void watched;
});

