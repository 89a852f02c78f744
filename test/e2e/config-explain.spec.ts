import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** A pasted configuration gets the "Configuration explained" panel beside its findings. */
const CONFIG = [
  'nginx version: nginx/1.22.1',
  'upstream app {',
  '    server 127.0.0.1:3000;',
  '}',
  'server {',
  '    server_name chat.example.com;',
  '    location /socket.io/ {',
  '        proxy_pass http://app;',
  '        proxy_set_header Upgrade $http_upgrade;',
  '        proxy_set_header Connection "upgrade";',
  '        proxy_read_timeout 5s;',
  '        proxy_set_header X-Probe "<img src=x onerror=window.__pwned=1>";',
  '    }',
  '    include /etc/nginx/snippets/extra.conf;',
  '}',
].join('\n');

async function paste(page: Page, text: string) {
  await page.getByLabel(/Paste error logs/).fill(text);
}

for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`a pasted config shows the explanation panel with values, defaults and what is unknown (${name})`, async ({ page, watched }) => {
    await page.setViewportSize(viewport);
    await page.goto('/analyze/');
    await paste(page, CONFIG);
    await expect(page.locator('.az-finding[data-cause="websocket-upgrade-missing"]')).toBeVisible();
    const panel = page.locator('[data-config-explain]');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Configuration explained' })).toBeVisible();
    await expect(panel).toContainText('nginx version: nginx 1.22.1 (nginx -v, input line 1)');
    const first = panel.locator('details').first();
    await expect(first.locator('summary')).toContainText('location /socket.io/');
    const httpVersion = first.locator('.az-cx__entry', { hasText: 'proxy_http_version' });
    await expect(httpVersion).toContainText('1.0 (default)');
    await expect(httpVersion).toContainText('default 1.0 on this nginx (changed in 1.29.7)');
    const readTimeout = first.locator('.az-cx__entry', { hasText: 'proxy_read_timeout' });
    await expect(readTimeout).toContainText('5s');
    await expect(readTimeout).toContainText('default 60s');
    await expect(panel.locator('[data-config-unknown]')).toContainText('/etc/nginx/snippets/extra.conf');
    await expect(panel.locator('[data-config-advice]')).toContainText('single server');
    // Values from the input are text, never markup.
    await expect(page.locator('.az-results img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Beside the findings on a desktop, below them on a phone.
    const box = await panel.boundingBox();
    const list = await page.locator('[data-findings]').boundingBox();
    if (name === 'desktop') expect(box!.x).toBeGreaterThanOrEqual(list!.x + list!.width);
    else expect(box!.y).toBeGreaterThanOrEqual(list!.y + list!.height);
    // The panel fits the viewport (no sideways scrolling on a phone) and passes axe in both themes.
    expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal overflow').toBeLessThanOrEqual(0);
    for (const theme of ['dark', 'light']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const { violations } = await new AxeBuilder({ page }).include('[data-config-explain]').analyze();
      expect(violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    void watched;
  });
}

test('a log without configuration shows no explanation panel', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await paste(page, '2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.23, server: api.example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.3.15:8080/", host: "api.example.com"');
  await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
  await expect(page.locator('[data-config-explain]')).toHaveCount(0);
  void watched;
});
