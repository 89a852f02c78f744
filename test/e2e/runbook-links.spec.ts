/**
 * What runbooks, tickets, chat previews and tools read from a page: the .md
 * views, llms.txt, Open Graph images, JSON-LD, breadcrumbs, "last updated",
 * "Copy as Markdown" and "copy link to this section".
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const content = fileURLToPath(new URL('../../content/', import.meta.url));
// The causes that were built (content/ may have moved on since the build; catalog.spec.ts checks they agree).
const causes = (JSON.parse(readFileSync(`${dist}api/catalog.json`, 'utf8')) as { causes: { id: string }[] }).causes.map((c) => c.id);
const fences = (text: string) => text.split('\n').filter((l) => /^\s*(>\s*)?```/.test(l)).length;
const bodyOf = (mdx: string) => mdx.replace(/^---\n[\s\S]*?\n---\n/, '');

function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('every cause has a Markdown view with its title, description and every code block', async ({ request }) => {
  for (const slug of causes) {
    const file = `${dist}causes/${slug}.md`;
    expect(existsSync(file), `${file} exists`).toBe(true);
    const md = readFileSync(file, 'utf8');
    const src = readFileSync(`${content}causes/${slug}.mdx`, 'utf8');
    const title = /^title:\s*(.+)$/m.exec(src)![1]!.replace(/^['"]|['"]$/g, '');
    expect(md.startsWith(`# ${title}\n\n> `), `${slug}.md starts with its title and description`).toBe(true);
    expect(fences(md), `${slug}.md keeps every code fence`).toBe(fences(bodyOf(src)));
    expect(md).not.toMatch(/^import\s/m);
    expect(md).not.toMatch(/<\/?Aside/);
  }
  const res = await request.get('/causes/connection-refused.md');
  expect(res.ok()).toBe(true);
  const text = await res.text();
  expect(text).toContain('```log\n2026/11/22 23:58:07 [error] 18503#18503: *1 connect() failed (111: Connection refused)');
  expect(text).toContain('```bash');
  expect(text).toContain('> **Tip: Error line but 200 for the client?**');
  expect(text).toContain('](https://');
});

test('every page of the site has a Markdown view', () => {
  for (const dir of ['status', 'stacks', 'guides']) {
    const built = readdirSync(`${dist}${dir}`, { withFileTypes: true }).filter((d) => d.isDirectory() && !readFileSync(`${dist}${dir}/${d.name}/index.html`, 'utf8').includes('http-equiv="refresh"')) // alias redirects have no .md
      .map((d) => d.name);
    expect(built.length, `${dir}/ has pages`).toBeGreaterThan(0);
    for (const name of built) expect(existsSync(`${dist}${dir}/${name}.md`), `/${dir}/${name}/ has a .md view`).toBe(true);
  }
  expect(existsSync(`${dist}index.md`)).toBe(true);
});

test('llms.txt follows the convention and lists every cause', async ({ request }) => {
  const res = await request.get('/llms.txt');
  expect(res.ok()).toBe(true);
  const text = await res.text();
  expect(text).toMatch(/^# badgateway\n\n> \S/);
  expect(text).toMatch(/^## Causes$/m);
  expect(text).toMatch(/^## Status codes$/m);
  for (const slug of causes) expect(text).toMatch(new RegExp(`^- \\[[^\\]]+\\]\\(https?://[^)]+/causes/${slug}\\.md\\): \\S`, 'm'));
});

test('every cause page has a 1200×630 PNG og:image, TechArticle and BreadcrumbList JSON-LD, and breadcrumbs', async ({ request }) => {
  for (const slug of causes) {
    const html = await (await request.get(`/causes/${slug}/`)).text();
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(og, `${slug}: og:image`).toBeTruthy();
    const path = new URL(og!).pathname;
    expect(path).toBe(`/og/causes/${slug}.png`);
    const png = await request.get(path);
    expect(png.ok(), `${path} is served`).toBe(true);
    expect(png.headers()['content-type']).toBe('image/png');
    expect(pngSize(await png.body())).toEqual({ width: 1200, height: 630 });
    expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"/);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);

    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@graph': { '@type': string; [k: string]: unknown }[] });
    expect(ld, `${slug}: one JSON-LD block`).toHaveLength(1);
    const types = ld[0]!['@graph'].map((n) => n['@type']);
    expect(types).toEqual(['TechArticle', 'BreadcrumbList']);
    const crumbs = ld[0]!['@graph'][1]!.itemListElement as { name: string; item: string; position: number }[];
    expect(crumbs.map((c) => c.name).slice(0, 2)).toEqual(['Home', 'Causes']);
    expect(crumbs.at(-1)!.item).toMatch(new RegExp(`/causes/${slug}/$`));
    expect(html).toContain('aria-label="Breadcrumbs"');
  }
});

test('status, stack and guide pages carry TechArticle JSON-LD; the home page a BreadcrumbList', async ({ request }) => {
  for (const [path, types] of [
    ['/status/502/', ['TechArticle', 'BreadcrumbList']],
    ['/stacks/php-fpm/', ['TechArticle', 'BreadcrumbList']],
    ['/guides/triage/', ['TechArticle', 'BreadcrumbList']],
    ['/', ['BreadcrumbList']],
  ] as const) {
    const html = await (await request.get(path)).text();
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { '@graph': { '@type': string }[] };
    expect(ld['@graph'].map((n) => n['@type']), path).toEqual(types);
    expect(html).toMatch(/<meta property="og:image" content="[^"]+\.png"/);
  }
});

test('a cause page shows breadcrumbs and "last updated", and copies itself as Markdown', async ({ page, context, watched }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/causes/connection-refused/');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  await expect(crumbs.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
  await expect(crumbs.getByRole('link', { name: 'Causes' })).toHaveAttribute('href', '/causes/');
  await expect(crumbs.locator('[aria-current="page"]')).toContainText('refused');
  // connection-refused.mdx is committed, so git gives it a date.
  await expect(page.locator('footer time[datetime]')).toHaveCount(1);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^# Upstream refused the connection/);
  expect(copied).toContain('```bash');
  void watched;
});

test('a heading’s link icon copies the absolute URL of its section', async ({ page, context, watched }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/causes/connection-refused/');
  const link = page.locator('.sl-heading-wrapper:has(h2#fix) a.sl-anchor-link');
  await expect(link).toHaveAttribute('title', 'Copy link to this section');
  await link.click();
  await expect(page).toHaveURL(/\/causes\/connection-refused\/#fix$/);
  await expect(page.getByRole('status').filter({ hasText: 'Link to this section copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(new URL('/causes/connection-refused/#fix', page.url()).href);
  void watched;
});

test('the section index pages list their articles', async ({ page, watched }) => {
  await page.goto('/causes/');
  await expect(page.locator('h1')).toContainText('Causes');
  await expect(page.locator('.bg-section-index a[href="/causes/connection-refused/"]')).toHaveCount(1);
  void watched;
});
