/**
 * Every way into search opens Starlight's dialog and keeps it open: the home
 * page's big search box, the `/` key it advertises, and "search the knowledge
 * base for this" on an unrecognised analyzer line (typed in for you).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const dialog = (page: Page) => page.locator('site-search dialog');
const input = (page: Page) => page.locator('#starlight__search .pagefind-ui__search-input');

test('the home page search box opens the search dialog, and it stays open', async ({ page, watched }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search the knowledge base' }).click();
  await expect(dialog(page)).toHaveAttribute('open', '');
  await expect(input(page)).toBeVisible();
  await input(page).fill('Connection refused');
  await expect(page.locator('.pagefind-ui__result-link').first()).toHaveAttribute('href', /\/causes\/connection-refused\//);
  void watched;
});

test('"/" opens search on any page, but types a slash in a text field', async ({ page, watched }) => {
  await page.goto('/');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(dialog(page)).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).not.toHaveAttribute('open', '');
  await page.goto('/analyze/');
  const box = page.getByLabel(/Paste error logs/);
  await box.focus();
  await page.keyboard.press('/');
  await expect(box).toHaveValue('/');
  await expect(dialog(page)).not.toHaveAttribute('open', '');
  void watched;
});

test('"search the knowledge base for this" opens search with the line\'s message typed in', async ({ page, watched }) => {
  await page.goto('/analyze/');
  await page.getByLabel(/Paste error logs/).fill('2026/11/22 23:58:07 [error] 1#1: *1 no live upstreams while connecting to upstream, client: 127.0.0.1\nupstream prematurely closed in a way this parser never saw');
  await page.locator('[data-unrecognised-wrap] summary').click();
  await page.getByRole('button', { name: 'search the knowledge base for this' }).first().click();
  await expect(dialog(page)).toHaveAttribute('open', '');
  await expect(input(page)).toHaveValue('upstream prematurely closed in a way this parser never saw');
  // The search ran for it (results or "no results for …").
  await expect(page.locator('.pagefind-ui__message')).toContainText('upstream prematurely closed');
  void watched;
});
