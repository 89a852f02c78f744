import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e page records console errors and any request that leaves
 * localhost; each test asserts both are empty at the end.
 */
export const test = base.extend<{ watched: { consoleErrors: string[]; offsite: string[] } }>({
  watched: async ({ page }, use) => {
    const consoleErrors: string[] = [];
    const offsite: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['data:', 'blob:'].includes(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname)) offsite.push(r.url());
    });
    await use({ consoleErrors, offsite });
    expect(offsite, 'requests that left localhost').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  },
});
export { expect };

export async function openSearch(page: Page) {
  await page.getByRole('button', { name: 'Search' }).first().click();
  const input = page.locator('#starlight__search .pagefind-ui__search-input');
  await expect(input.first()).toBeVisible();
  return input.first();
}
