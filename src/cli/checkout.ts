/** The CLI run from a checkout: version from package.json, catalog compiled from content/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../catalog/from-disk.ts';
import type { CliContext } from './main.ts';

/** The package root, whatever the working directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHECKOUT: CliContext = {
  version: () => (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
  catalog: { load: () => loadCatalog(join(ROOT, 'content')), from: join(ROOT, 'content') },
  loadContent: loadCatalog,
  workerEntry: new URL('./parallel/worker-entry.ts', import.meta.url),
};
