/**
 * Build-time link check: every internal href in the built HTML must resolve
 * to a built file (a page, a redirect page, an asset) and, when it names a
 * fragment, to an element with that id on the target page. A broken link
 * fails the build, naming the page and the link.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from './list-files.ts';
import type { AstroIntegration } from 'astro';

export interface BrokenLink {
  /** The page holding the link, as its URL path ("/causes/x/"). */
  page: string;
  href: string;
  reason: string;
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e] ?? _);

/** dist-relative HTML file → its URL path. */
function pageUrl(rel: string): string {
  const p = rel.replace(/\\/g, '/');
  if (p === 'index.html') return '/';
  if (p.endsWith('/index.html')) return `/${p.slice(0, -'index.html'.length)}`;
  return `/${p}`;
}

/** Fragments that carry state for a script (`#input=…`, `#line=…`, text fragments) rather than naming an element. */
const isStateFragment = (f: string) => f.includes('=') || f.startsWith(':~:');

/** The built file a URL path is served from, or null. */
function fileFor(distDir: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = join(distDir, decoded);
  if (!file.startsWith(distDir)) return null;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/** Every id (and legacy name anchor) in a page. */
function anchorsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) ids.add(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  return ids;
}

export function checkLinks(distDir: string): BrokenLink[] {
  const pages = listFiles(distDir).filter((f) => f.endsWith('.html'));
  const anchorCache = new Map<string, Set<string>>();
  const anchors = (file: string) => {
    let set = anchorCache.get(file);
    if (!set) anchorCache.set(file, (set = anchorsOf(readFileSync(file, 'utf8'))));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const page = pageUrl(relative(distDir, file));
    // Links inside <template> and <script> are still links a visitor can reach once a script clones them.
    for (const m of html.matchAll(/<a\s[^>]*?\bhref=(?:"([^"]*)"|'([^']*)')/gi)) {
      const href = decodeEntities(m[1] ?? m[2] ?? '');
      if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // other schemes and origins
      const url = new URL(href, `http://site${page}`);
      const fragment = decodeURIComponent(url.hash.slice(1));
      const target = url.pathname === page && href.startsWith('#') ? file : fileFor(distDir, url.pathname);
      if (!target) {
        broken.push({ page, href, reason: `no built file for ${url.pathname}` });
        continue;
      }
      if (fragment && !isStateFragment(fragment) && target.endsWith('.html') && !anchors(target).has(fragment)) {
        broken.push({ page, href, reason: `${url.pathname} has no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

export function formatBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `  ${b.page} → ${b.href} (${b.reason})`).join('\n');
}

export function linkCheck(): AstroIntegration {
  return {
    name: 'badgateway:link-check',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const broken = checkLinks(fileURLToPath(dir));
        if (broken.length) throw new Error(`${broken.length} broken internal link(s):\n${formatBroken(broken)}`);
        logger.info('every internal link resolves');
      },
    },
  };
}
