/**
 * Loads the catalog straight from content/causes/*.mdx (Node only: the CLI,
 * the lab and the unit tests). Validates with the same schema as the site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../lib/content-files.ts';
import { causeFrontmatter } from '../content/schema.ts';
import { buildCatalog, type CauseEntry } from './build.ts';
import type { Catalog } from '../analyzer/types.ts';

/** Each cause article, validated: an entry, or the problems that make it invalid. */
export function readCauseFiles(contentDir: string): ({ file: string; entry: CauseEntry } | { file: string; problems: string })[] {
  const dir = join(contentDir, 'causes');
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_'))
    .map((f) => {
      const file = join(dir, f);
      let parsed;
      try {
        parsed = causeFrontmatter.safeParse(readFrontmatter(file));
      } catch (e) {
        return { file, problems: `  ${(e as Error).message}` };
      }
      if (!parsed.success) return { file, problems: parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n') };
      return { file, entry: { slug: f.replace(/\.mdx?$/, ''), data: parsed.data } };
    });
}

export function loadCauseEntries(contentDir: string): CauseEntry[] {
  return readCauseFiles(contentDir).map((r) => {
    if ('problems' in r) throw new Error(`${r.file}: invalid frontmatter\n${r.problems}`);
    return r.entry;
  });
}

export function loadCatalog(contentDir: string): Catalog {
  return buildCatalog(loadCauseEntries(contentDir));
}
