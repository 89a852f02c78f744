import { CURL_NGINX_502 } from '../unit/triage/samples.ts';
import { expect, test } from './fixtures.ts';

/**
 * The triage page's "who returned this 502?" step, on a desktop and on a
 * 390×844 phone: a pasted curl -sv transcript names nginx and its version;
 * answering the questions with the keyboard puts the path in the URL, and a
 * reload (a teammate opening the link) shows the same path and verdict.
 */
const SCREENS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const screen of SCREENS) {
  test.describe(`who returned this 502 (${screen.name})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('a pasted curl -sv transcript names nginx and its version', async ({ page, watched }, info) => {
      void watched;
      await page.goto('/guides/triage/');
      const widget = page.locator('[data-who-returned]');
      await widget.scrollIntoViewIfNeeded();
      await page.getByLabel('Response headers, curl -sv output or the error page’s HTML').fill(CURL_NGINX_502.text);
      const verdict = widget.locator('[data-who-paste-result] .who__verdict');
      await expect(verdict).toHaveAttribute('data-who-producer', 'nginx');
      await expect(verdict).toContainText('nginx generated this page (nginx/1.22.1)');
      await expect(verdict).toContainText('Status: 502.');
      await expect(verdict.getByRole('link', { name: /Read the first error-log line/ })).toHaveAttribute('href', '/guides/triage/#2-read-the-first-error-log-line');
      // The pasted text stays out of the URL.
      expect(page.url()).not.toContain('who=');
      await widget.screenshot({ path: info.outputPath(`who-paste-${screen.name}.png`) });
    });

    test('questions answered with the keyboard go into the URL and survive a reload', async ({ page, watched }, info) => {
      void watched;
      await page.goto('/guides/triage/');
      const widget = page.locator('[data-who-returned]');
      const first = widget.locator('[data-question="page"] [data-answer="cloudflare"]');
      await first.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/[?&]who=cloudflare(?:&|#|$)/);
      // Focus moved to the next question; Tab reaches its answers.
      await expect(widget.locator('#who-q-cf-code')).toBeFocused();
      const code521 = widget.locator('[data-question="cf-code"] [data-answer="521"]');
      await code521.focus();
      await page.keyboard.press('Space');
      await expect(page).toHaveURL(/[?&]who=cloudflare\.521(?:&|#|$)/);
      const verdict = widget.locator('[data-who-verdict] .who__verdict');
      await expect(verdict).toHaveAttribute('data-who-producer', 'cloudflare-521');
      await expect(verdict).toContainText('Cloudflare 521: the origin refused the connection');

      await page.reload();
      await expect(widget.locator('[data-who-verdict] .who__verdict')).toHaveAttribute('data-who-producer', 'cloudflare-521');
      await expect(widget.locator('[data-question="page"]')).toContainText('Answer: Cloudflare-branded page');
      await expect(widget.locator('[data-question="cf-code"]')).toContainText('Answer: 521');
      await widget.screenshot({ path: info.outputPath(`who-questions-${screen.name}.png`) });

      // Changing an answer shortens the path; Back restores it.
      await widget.locator('[data-question="cf-code"] .who__change').click();
      await expect(page).toHaveURL(/[?&]who=cloudflare(?:&|#|$)/);
      await expect(widget.locator('[data-who-verdict] .who__verdict')).toHaveCount(0);
      await page.goBack();
      await expect(widget.locator('[data-who-verdict] .who__verdict')).toHaveAttribute('data-who-producer', 'cloudflare-521');
    });

    test('the analyzer page links to the widget', async ({ page, watched }) => {
      void watched;
      await page.goto('/analyze/');
      const link = page.getByRole('link', { name: 'Identify who returned it' });
      await expect(link).toHaveAttribute('href', '/guides/triage/#who-returned');
    });
  });
}
