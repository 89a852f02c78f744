#!/usr/bin/env node
/**
 * Runs the e2e suite in Debian's Chromium. A missing browser is installed when
 * we run as root (CI), otherwise it is a failure that says how to install it:
 * never a silent skip, never a browser download.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.error(`e2e: ${CHROMIUM} not found; installing Debian's chromium (running as root)…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`e2e: ${CHROMIUM} not found. Install Debian's Chromium first:\n  sudo apt-get install chromium\nor set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
if (!existsSync(join(root, 'dist/index.html'))) {
  console.error('e2e: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
const r = spawnSync(join(root, 'node_modules/.bin/playwright'), ['test', '--config', 'test/e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
