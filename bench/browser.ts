/**
 * The browser's side of the bench: serves the built site (dist/), drops a file
 * of N MB on /analyze/ in Debian's Chromium (a fresh browser each time, as a
 * first drop) and measures, in the page, the time until the report shows and
 * the longest main-thread task meanwhile. `query` is added to the page's URL
 * (`?threads=1`: the analyzer's worker alone).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.BENCH_PORT ?? 4390);

export type BrowserResult = { ok: true; seconds: number; longestTaskMs: number } | { ok: false; why: string };

export async function browserBench(root: string, megabytes: number, query = ''): Promise<BrowserResult> {
  if (!existsSync(join(root, 'dist/analyze/index.html'))) return { ok: false, why: 'dist/ is missing; run `npm run build` first' };
  if (!existsSync(CHROMIUM)) return { ok: false, why: `${CHROMIUM} is missing (Debian package "chromium")` };
  const server = spawn(process.execPath, [join(root, 'test/e2e/serve-dist.mjs'), String(PORT)], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    for (let i = 0; ; i++) {
      try {
        await page.goto(`http://127.0.0.1:${PORT}/analyze/${query}`);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await page.locator('[data-analyzer]').waitFor();
    await page.evaluate(async (size) => {
      const w = window as unknown as { __long: number[]; __t0: number; __done: Promise<number> };
      w.__long = [];
      // When the report's first finding is in the page (a poll from outside would add its own interval).
      w.__done = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (!document.querySelector('.az-finding[data-cause="connection-refused"]')) return;
          mo.disconnect();
          resolve(performance.now());
        });
        mo.observe(document.body, { childList: true, subtree: true });
      });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
      const line =
        '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: "GET /refused HTTP/1.1", upstream: "http://127.0.0.1:19001/refused", host: "127.0.0.1:18080"\n' +
        '2026/11/22 23:58:07 [info] 18503#18503: *2 client 10.0.0.7 closed keepalive connection\n' +
        '127.0.0.1 - - [22/Nov/2026:23:58:07 +0000] "GET /ok HTTP/1.1" 200 612 "-" "curl/7.88.1"\n';
      const block = line.repeat(2000);
      const parts = Array.from({ length: Math.ceil((size * 1024 * 1024) / block.length) }, () => block);
      const file = new File(parts, 'error.log', { type: 'text/plain' });
      await new Promise((r) => setTimeout(r, 300));
      w.__long = [];
      const dt = new DataTransfer();
      dt.items.add(file);
      w.__t0 = performance.now();
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, megabytes);
    await page.locator('.az-finding[data-cause="connection-refused"]').first().waitFor({ timeout: 600_000 });
    const r = await page.evaluate(async () => {
      const w = window as unknown as { __long: number[]; __t0: number; __done: Promise<number> };
      return { ms: (await w.__done) - w.__t0, longest: Math.max(0, ...w.__long) };
    });
    return { ok: true, seconds: r.ms / 1000, longestTaskMs: r.longest };
  } finally {
    await browser.close();
    server.kill();
  }
}
