/**
 * Entry of the single-file CLI (dist/badgateway.mjs, written by the build):
 * the catalog the site serves at /api/catalog.json is embedded, the version
 * is the package's, and it runs on Node ≥ 18 with no dependencies.
 */
import embedded from 'badgateway:catalog';
import type { Catalog } from '../analyzer/types.ts';
import { spawnSync } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { main, PROCESS_IO } from './main.ts';

declare const BADGATEWAY_VERSION: string;

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  process.stderr.write(`badgateway needs Node.js 18 or newer; this is Node ${process.versions.node}.\n`);
  process.exit(2);
}
// V8 grows its young generation with the allocation rate, so peak memory would
// grow with the size of the log; a 2 MB semi-space keeps it flat (and is no
// slower here). The flag only works at start-up: run once more with it.
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) && process.env.BADGATEWAY_SEMI_SPACE !== 'default') {
  const r = spawnSync(process.execPath, ['--max-semi-space-size=2', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`badgateway: cannot start: ${r.error.message}\n`);
    process.exit(2);
  }
  process.exit(r.status ?? (r.signal ? 128 + (osConstants.signals[r.signal] ?? 0) : 1));
}
process.exitCode = await main(process.argv.slice(2), PROCESS_IO, {
  version: () => BADGATEWAY_VERSION,
  catalog: { load: () => embedded as Catalog, from: 'the built-in catalog' },
});
