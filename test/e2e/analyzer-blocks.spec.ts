import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../src/analyzer/index.ts';
import { loadCatalog } from '../../src/catalog/from-disk.ts';
import { mixedParts } from '../fixtures/blocks/mixed-input.ts';
import { expect, test } from './fixtures.ts';

/**
 * A large dropped file is read by block workers, one per core, and gives the
 * report of the file read in one pass (the CLI's block protocol, in the browser).
 */
test('a large dropped file is read by block workers and gives the one-pass report', async ({ page, watched }) => {
  test.setTimeout(120_000);
  // About 20 MB: everything the engine reads (real lines, lab lines, config pastes, a bundle, generated logs) ten times over.
  const part = mixedParts(20_000).join('');
  const times = Math.ceil((20 << 20) / Buffer.byteLength(part));
  const whole = new Analyzer({ catalog: loadCatalog(fileURLToPath(new URL('../../content', import.meta.url))) });
  for (let i = 0; i < times; i++) whole.push(part, Buffer.byteLength(part));
  const report = whole.end();

  const spawned: string[] = [];
  page.on('worker', (w) => spawned.push(w.url()));
  await page.goto('/analyze/');
  await page.evaluate(
    ([text, n]) => {
      const file = new File(Array.from({ length: n }, () => text), 'mixed.log', { type: 'text/plain' });
      const dt = new DataTransfer();
      dt.items.add(file);
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [part, times] as const,
  );
  await expect(page.locator('[data-status]')).toContainText('Analysis complete', { timeout: 100_000 });
  expect(spawned.filter((u) => u.includes('block.worker')).length, 'block workers started').toBeGreaterThanOrEqual(2);
  await expect(page.locator('[data-status]')).toContainText(`in ${report.stats.lines.toLocaleString('en-US')} lines`);
  const causes = await page.locator('.az-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-cause')));
  expect(causes).toEqual(report.findings.map((f) => f.cause));
  void watched;
});
