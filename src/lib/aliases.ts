/**
 * Old slugs kept in frontmatter `aliases` become redirects, so a renamed
 * article never breaks a runbook link. Read at config time, from disk.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.mdx?$/.test(name) ? [p] : [];
  });
}

/** Maps "/old/path/" to "/new/path/" for every alias in content/. */
export function aliasRedirects(contentDir: string): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const file of walk(contentDir)) {
    const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
    const aliases = (m ? (parseYaml(m[1]!) as { aliases?: string[] }) : {}).aliases ?? [];
    const id = relative(contentDir, file).replace(/\\/g, '/').replace(/\.mdx?$/, '');
    for (const alias of aliases) redirects[`/${alias.replace(/^\/|\/$/g, '')}/`] = `/${id}/`;
  }
  return redirects;
}
