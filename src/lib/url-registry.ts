/**
 * URLs are forever. After each build, every page URL is checked against the
 * committed registry (urls.txt): a URL that disappeared fails the build unless
 * an alias redirects it; new URLs are added to the registry.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

export function urlRegistry(file: string, redirects: Record<string, string>): AstroIntegration {
  return {
    name: 'badgateway:url-registry',
    hooks: {
      'astro:build:done': ({ pages, logger }) => {
        const built = new Set(pages.map((p) => `/${p.pathname}`.replace(/\/+$/, '/').replace(/^\/\/$/, '/')));
        for (const from of Object.keys(redirects)) built.add(from);
        const known = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('/')) : [];
        const gone = known.filter((u) => !built.has(u));
        if (gone.length) {
          throw new Error(
            `These published URLs disappeared: ${gone.join(', ')}.\nRunbooks link to them. Restore the page, or add the old path to the new page's \`aliases\` frontmatter so it redirects.`,
          );
        }
        const added = [...built].filter((u) => !known.includes(u) && !u.startsWith('/404'));
        if (added.length) {
          const all = [...new Set([...known, ...added])].sort();
          writeFileSync(file, `# Every URL this site has published. The build fails if one disappears (see docs/architecture.md).\n${all.join('\n')}\n`);
          logger.info(`registered ${added.length} new URL(s) in ${file}`);
        }
      },
    },
  };
}
