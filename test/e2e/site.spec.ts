import { CAUSE_SECTIONS } from '../../src/content/vocabulary.ts';
import { expect, openSearch, test } from './fixtures.ts';

test('home page says what this is and offers search, the analyzer and common causes', async ({ page, watched }) => {
  await page.goto('/');
  await expect(page.locator('h1')).toContainText('502 Bad Gateway');
  await expect(page.getByRole('link', { name: 'Paste your log' })).toHaveAttribute('href', '/analyze/');
  await expect(page.getByRole('button', { name: 'Search the knowledge base' })).toBeVisible();
  await expect(page.locator('.cause-card')).not.toHaveCount(0);
  await expect(page.locator('.cause-card a').first()).toHaveAttribute('href', /^\/causes\//);
  void watched;
});

test('a cause article renders with its fixed section anchors', async ({ page, watched }) => {
  await page.goto('/causes/connection-refused/');
  await expect(page.locator('h1')).toContainText('refused');
  for (const id of CAUSE_SECTIONS) await expect(page.locator(`h2#${id}`)).toHaveCount(1);
  await expect(page.locator('.bg-badge--status', { hasText: '502' }).first()).toBeVisible();
  await page.goto('/causes/connection-refused/#fix');
  await expect(page.locator('h2#fix')).toBeInViewport();
  void watched;
});

test('the search dialog finds the connection-refused article for "Connection refused"', async ({ page, watched }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('Connection refused');
  const first = page.locator('.pagefind-ui__result-link').first();
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('href', /\/causes\/connection-refused\//);
  void watched;
});

test('the theme switcher offers dark and light', async ({ page, watched }) => {
  await page.goto('/');
  for (const theme of ['light', 'dark'] as const) {
    await page.locator('starlight-theme-select select').first().selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  }
  void watched;
});
