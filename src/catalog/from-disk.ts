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

export { readFrontmatter };

export function loadCauseEntries(contentDir: string): CauseEntry[] {
  const dir = join(contentDir, 'causes');
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f) && !f.startsWith('_'))
    .map((f) => {
      const file = join(dir, f);
      const parsed = causeFrontmatter.safeParse(readFrontmatter(file));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
        throw new Error(`${file}: invalid frontmatter\n${issues}`);
      }
      return { slug: f.replace(/\.mdx?$/, ''), data: parsed.data };
    });
}

export function loadCatalog(contentDir: string): Catalog {
  return buildCatalog(loadCauseEntries(contentDir));
}
