/** Loads content/causes tolerantly: articles being edited may be invalid for a moment; skip them, say so. */
import { basename } from 'node:path';
import { readCauseFiles } from '../src/catalog/from-disk.ts';
import { buildCatalog } from '../src/catalog/build.ts';
import type { Catalog } from '../src/analyzer/types.ts';

export function loadCatalogTolerant(contentDir: string): { catalog: Catalog; skipped: string[] } {
  const read = readCauseFiles(contentDir);
  return {
    catalog: buildCatalog(read.flatMap((r) => ('entry' in r ? [r.entry] : []))),
    skipped: read.flatMap((r) => ('problems' in r ? [basename(r.file)] : [])),
  };
}
