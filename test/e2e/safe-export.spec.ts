/**
 * The path people take mid-incident, on a 390×844 phone in light and dark:
 * paste → "Copy for ticket" → Jira → JSON download → share link → reopen in
 * a fresh page. One secret of every redaction class is planted in the pasted
 * log and config; none may survive in any export, the JSON must parse, and
 * the worker must make no request while it analyses (and have no way to).
 * Screenshots of the export panel go to test-results/safe-export/.
 * The log and config lines are invented (shaped like nginx's and PHP-FPM's own).
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readPermalink } from '../../src/share/permalink.ts';
import { WORKER_POLICY } from '../../src/lib/csp.ts';

const SECRETS = {
  publicIp: '81.2.69.142',
  privateIp: '10.20.30.40',
  ipv6: '2a01:4f8:c17:1a2b::7',
  ipv6Short: '::a1b2:7',
  server: 'shop.acme-prod.com',
  secondServerName: 'admin.acme-prod.com',
  resolved: 'billing-svc.internal',
  notFound: 'payments.corp.lan',
  homeUser: 'dmitri',
  remoteUser: 'kowalski',
  urlUser: 'deployer',
  urlPassword: 'Tr0ub4dor',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrb3dhbHNraSJ9.5mhBHqs5_DTLdINd9p5m7ZJ6XD0Xc55kIaCRY5r6HRA',
  basic: 'a293YWxza2k6aHVudGVyMg==',
  appKey: 'base64:q8Zp3mXvT0yQ1wLk',
  dbPassword: 'S3cretDbPass',
  apiToken: 'tok_9f8e7d6c5b4a',
  cookie: 'cafebabe1234',
  query: 'SAVE50NOW',
  email: 'ops.lead@acme-prod.com',
  github: 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngOnly0001',
};
const S = SECRETS;

const PASTE = [
  `2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused) while connecting to upstream, client: ${S.publicIp}, server: ${S.server}, request: "GET /checkout?coupon=${S.query} HTTP/1.1", upstream: "http://${S.privateIp}:8080/checkout", host: "${S.server}"`,
  `2026/11/22 23:58:09 [error] 18503#18503: *2 upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${S.ipv6}, server: ${S.server}, request: "POST /api/login HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm-${S.homeUser}.sock:", host: "${S.server}", referrer: "https://${S.secondServerName}/"`,
  `2026/11/22 23:58:10 [error] 18503#18503: *3 ${S.resolved} could not be resolved (3: Host not found), client: ${S.ipv6Short}, server: ${S.server}, request: "GET /invoice HTTP/1.1", host: "${S.server}"`,
  `2026/11/22 23:58:11 [emerg] 18503#18503: host not found in upstream "${S.notFound}:9000" in /etc/nginx/conf.d/shop.conf:31`,
  `${S.publicIp} - ${S.remoteUser} [22/Nov/2026:23:58:07 +0000] "GET /checkout?coupon=${S.query} HTTP/1.1" 502 157 "-" "Mozilla/5.0"`,
  `{"remote_addr":"${S.publicIp}","http_cookie":"session=${S.cookie}; theme=dark","request":"GET /me HTTP/1.1","status":"502","http_authorization":"Bearer ${S.jwt}"}`,
  'server {',
  `    server_name ${S.server} ${S.secondServerName};`,
  `    root /home/${S.homeUser}/shop/public;`,
  '    set_real_ip_from 127.0.0.1;',
  '    location ~ \\.php$ {',
  `        fastcgi_pass unix:/run/php/php8.2-fpm-${S.homeUser}.sock;`,
  `        fastcgi_param APP_KEY ${S.appKey};`,
  `        proxy_set_header Authorization "Basic ${S.basic}";`,
  `        proxy_set_header X-Api-Token ${S.apiToken};`,
  '    }',
  '    location /internal/ {',
  `        proxy_pass http://${S.urlUser}:${S.urlPassword}@${S.privateIp}:8080;`,
  '    }',
  '}',
  `env[DB_PASSWORD] = ${S.dbPassword}`,
  `; contact ${S.email}, deploy token ${S.github}`,
].join('\n');

function survivors(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, v]) => new RegExp(`(?<![\\w.:])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w:]|\\.\\w)`, 'i').test(text))
    .map(([k, v]) => `${k}=${v}`);
}

async function phone(browser: Browser, theme: 'light' | 'dark'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: theme, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  return page;
}

async function clipboardAfter(page: Page, button: string, note: RegExp): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('[data-export-note]')).toContainText(note);
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const theme of ['light', 'dark'] as const) {
  test(`phone, ${theme}: paste → ticket → Jira → JSON → share → reopen, no planted secret survives`, async ({ browser, watched }) => {
    test.setTimeout(90_000);
    const page = await phone(browser, theme);
    const requests: string[] = [];
    // Every request of the page and of its worker goes through this route (the worker's catalog
    // fetch is seen here, which proves the interception covers the worker).
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.continue();
    });
    page.on('console', (m) => {
      if (m.type() === 'error') watched.consoleErrors.push(m.text());
    });
    await page.goto('/analyze/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

    // The worker: its CSP header, and no network once it has its catalog.
    await expect.poll(() => page.workers().some((w) => w.url().includes('analyzer.worker'))).toBe(true);
    const worker = page.workers().find((w) => w.url().includes('analyzer.worker'))!;
    const headers = (await page.request.get(worker.url())).headers();
    expect(headers['content-security-policy']).toContain(WORKER_POLICY);
    await expect.poll(() => requests.some((u) => u.endsWith('/api/catalog.json'))).toBe(true);
    const tryFetch = () =>
      worker.evaluate(() => {
        try {
          void (self as unknown as { fetch: (u: string) => unknown }).fetch('/x');
          return 'reachable';
        } catch (e) {
          return (e as Error).message;
        }
      });
    await expect.poll(tryFetch).toMatch(/disabled in the analyzer worker/);

    // Paste and analyse: not one request while the worker works.
    const before = requests.length;
    await page.getByLabel(/Paste error logs/).fill(PASTE);
    await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
    await expect(page.locator('[data-status]')).toContainText('Analysis complete');
    expect(requests.slice(before), 'requests made while analysing').toEqual([]);

    // The preview: what is replaced and what is kept.
    await page.locator('[data-redact] summary').click();
    await expect(page.locator('[data-redact-preview]')).toContainText('Replaced in every export');
    await expect(page.locator('[data-redact-preview] del').first()).toBeVisible();
    await page.locator('[data-export]').scrollIntoViewIfNeeded();
    await page.locator('[data-export]').screenshot({ path: `test-results/safe-export/phone-${theme}-export.png` });
    expect(survivors(await page.locator('[data-redact-preview] ins').allTextContents().then((t) => t.join('\n')))).toEqual([]);

    const ticket = await clipboardAfter(page, 'Copy for ticket', /Copied .* Markdown/);
    expect(ticket).toContain('## badgateway analysis');
    expect(ticket).toContain('/causes/connection-refused/');
    expect(ticket).toMatch(/Reopen this analysis: <http:\/\/127\.0\.0\.1:\d+\/analyze\/#v=1&input=/);
    expect(survivors(ticket), 'secrets in the ticket').toEqual([]);

    const jira = await clipboardAfter(page, 'Copy for Jira', /Jira markup/);
    expect(jira).toContain('h2. badgateway analysis');
    expect(survivors(jira), 'secrets in the Jira text').toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
    const json = readFileSync((await download.path())!, 'utf8');
    const report = JSON.parse(json) as { findings: { cause: string }[] };
    expect(report.findings.map((f) => f.cause)).toContain('connection-refused');
    expect(survivors(json), 'secrets in the JSON report').toEqual([]);

    const url = await clipboardAfter(page, 'Copy share link', /Share link copied/);
    expect(survivors(url)).toEqual([]);
    const shared = (await readPermalink(new URL(url).hash))!;
    expect(shared).toContain('connect() failed (111: Connection refused)');
    expect(survivors(shared), 'secrets in the share link').toEqual([]);
    // Ticket and link agree on pseudonyms.
    expect(ticket).toContain('host-1');
    expect(shared).toContain('host-1');

    // Reopen in a fresh page (a colleague's phone).
    const fresh = await phone(browser, theme);
    await fresh.goto(url);
    await expect(fresh.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
    const reopened = await fresh.getByLabel(/Paste error logs/).inputValue();
    expect(survivors(reopened), 'secrets in the reopened input').toEqual([]);
    expect(survivors(await fresh.locator('main').innerText()), 'secrets on the reopened page').toEqual([]);
    await fresh.screenshot({ path: `test-results/safe-export/phone-${theme}-reopened.png` });
    await fresh.context().close();
    await page.context().close();
    void watched;
  });
}

test('hostile share links stop with a clear message', async ({ page, watched }) => {
  await page.goto('/analyze/#v=1&input=%%%not-base64');
  await expect(page.locator('[data-error]')).toContainText('This share link cannot be opened. This link is damaged (its data is not valid base64url)');
  await page.goto('about:blank');
  await page.goto('/analyze/#v=9&input=AAAA');
  await expect(page.locator('[data-error]')).toContainText('made by another version of the analyzer (format 9');
  void watched;
});

for (const theme of ['light', 'dark'] as const) {
  test(`desktop, ${theme}: the export panel with its redaction preview`, async ({ page, watched }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/analyze/');
    await page.getByLabel(/Paste error logs/).fill(PASTE);
    await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
    await page.locator('[data-redact] summary').click();
    await expect(page.locator('[data-redact-preview]')).toContainText('Kept as they are');
    await page.locator('[data-export]').screenshot({ path: `test-results/safe-export/desktop-${theme}-export.png` });
    // The preview's colours are readable in this theme (removed in red, placeholders in green).
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const { violations } = await new AxeBuilder({ page }).include('[data-export]').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    void watched;
  });
}

test('lines reading constructor or __proto__ are analysed in the browser like any other', async ({ page, watched }) => {
  await page.goto('/analyze/');
  const lines = ['constructor', '__proto__', 'toString', 'Server: constructor', `127.0.0.1 - constructor [22/Nov/2026:23:58:07 +0000] "GET / HTTP/1.1" 502 157 "-" "c" us="__proto__" ua="127.0.0.1:9000"`];
  await page.getByLabel(/Paste error logs/).fill(
    [...lines, '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: constructor, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:9000/", host: "__proto__"'].join('\n'),
  );
  await expect(page.locator('.az-finding[data-cause="connection-refused"]')).toBeVisible();
  await expect(page.locator('[data-error]')).toBeHidden();
  await expect(page.locator('[data-status]')).toContainText('Analysis complete');
  void watched;
});
