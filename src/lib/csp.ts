/**
 * A Content-Security-Policy <meta> on every built page, computed from the
 * page itself: each inline <script> and <style> is allowed by its SHA-256
 * hash, everything else must come from the site's own origin, and no
 * connection may leave it — so the analyzer cannot leak a log.
 *
 * Done after the build rather than with Astro's `security.csp`, which does not
 * hash the `is:inline` scripts Starlight ships (theme and search shortcuts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { listFiles } from './list-files.ts';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const BASE = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // Pagefind's UI and Starlight set style attributes at run time; elements stay hash-only.
  "style-src-attr 'unsafe-inline'",
];
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export function policyFor(html: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype=["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (/\bsrc=/i.test(attrs) || !EXECUTABLE.test(type) || !m[2]) continue;
    scripts.add(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) if (m[2]) styles.add(sha256(m[2]));
  return [...BASE, `script-src 'self' ${[...scripts].join(' ')}`.trim(), `style-src-elem 'self' ${[...styles].join(' ')}`.trim()].join('; ');
}

export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  return html.replace(/<meta charset="?[\w-]+"?\s*\/?>/i, (m) => `${m}${meta}`);
}


export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'badgateway:csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = listFiles(fileURLToPath(dir)).filter((f) => f.endsWith('.html'));
        for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
