import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { Analyzer } from '../../src/analyzer/index.ts';
import { loadCatalog } from '../../src/catalog/from-disk.ts';
import { mixedParts } from '../fixtures/blocks/mixed-input.ts';
import { expect, test } from './fixtures.ts';

/**
 * A large dropped file is read once by the analyzer's worker, cut into blocks
 * as it streams in and analysed by block workers; the report is the one-pass
 * report (the CLI's block protocol, in the browser). A gzip file is cut after
 * it is gunzipped. `?threads=2` asks for two block workers: by default a file
 * this small is read by the analyzer's worker alone (src/worker/threads.ts).
 */
// About 20 MB: everything the engine reads (real lines, lab lines, config pastes, a bundle, generated logs) many times over.
const part = mixedParts(20_000).join('');
const times = Math.ceil((20 << 20) / Buffer.byteLength(part));

function onePass() {
  const whole = new Analyzer({ catalog: loadCatalog(fileURLToPath(new URL('../../content', import.meta.url))) });
  for (let i = 0; i < times; i++) whole.push(part, Buffer.byteLength(part));
  return whole.end();
}

async function drop(page: Page, gzip: boolean) {
  await page.evaluate(
    async ([text, n, gz]) => {
      let file = new File(Array.from({ length: n }, () => text), 'mixed.log', { type: 'text/plain' });
      if (gz) file = new File([await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob()], 'mixed.log.gz');
      const dt = new DataTransfer();
      dt.items.add(file);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [part, times, gzip] as const,
  );
}

test('a large dropped file, plain or gzip, is read by block workers and gives the one-pass report', async ({ page, watched }) => {
  test.setTimeout(120_000);
  const report = onePass();
  const spawned: string[] = [];
  page.on('worker', (w) => spawned.push(w.url()));
  // Every request while the file is read: only the block workers' own script may be fetched.
  const requests: string[] = [];
  page.context().on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/analyze/?threads=2');
  await expect(page.locator('[data-analyzer]')).toBeVisible();
  // The analyzer's worker loads the catalog once, as the page opens: its one request.
  await expect.poll(() => requests.includes('/api/catalog.json')).toBe(true);
  for (const gzip of [false, true]) {
    await test.step(gzip ? 'gzip' : 'plain', async () => {
      spawned.length = 0;
      requests.length = 0;
      await page.locator('[data-status]').evaluate((e) => (e.textContent = ''));
      await drop(page, gzip);
      await expect(page.locator('[data-status]')).toContainText('Analysis complete', { timeout: 100_000 });
      expect(spawned.filter((u) => u.includes('block.worker')).length, 'block workers started').toBe(2);
      expect(requests.filter((p) => !/^\/_astro\/block\.worker[^/]*\.js$/.test(p)), 'requests while analysing').toEqual([]);
      await expect(page.locator('[data-status]')).toContainText(`in ${report.stats.lines.toLocaleString('en-US')} lines`);
      const causes = await page.locator('.az-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-cause')));
      expect(causes).toEqual(report.findings.map((f) => f.cause));
      const metas = await page.locator('.az-finding [data-f-meta]').allTextContents();
      expect(metas.map((m) => Number(/^([\d,]+) line/.exec(m)?.[1]?.replace(/,/g, '')))).toEqual(report.findings.map((f) => f.count));
    });
  }
  void watched;
});
