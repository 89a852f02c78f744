/** Loads content/causes tolerantly: articles being edited may be invalid for a moment; skip them, say so. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter } from '../src/catalog/from-disk.ts';
import { buildCatalog, type CauseEntry } from '../src/catalog/build.ts';
import { causeFrontmatter } from '../src/content/schema.ts';
import type { Catalog } from '../src/analyzer/types.ts';

export function loadCatalogTolerant(contentDir: string): { catalog: Catalog; skipped: string[] } {
  const dir = join(contentDir, 'causes');
  const entries: CauseEntry[] = [];
  const skipped: string[] = [];
  for (const f of readdirSync(dir).filter((x) => /\.mdx?$/.test(x) && !x.startsWith('_'))) {
    try {
      const parsed = causeFrontmatter.safeParse(readFrontmatter(join(dir, f)));
      if (parsed.success) entries.push({ slug: f.replace(/\.mdx?$/, ''), data: parsed.data });
      else skipped.push(f);
    } catch {
      skipped.push(f);
    }
  }
  return { catalog: buildCatalog(entries), skipped };
}
