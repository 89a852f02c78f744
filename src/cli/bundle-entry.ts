/**
 * Entry of the single-file CLI (dist/badgateway.mjs, written by the build):
 * the catalog the site serves at /api/catalog.json is embedded, the version
 * is the package's, and it runs on Node ≥ 18 with no dependencies.
 */
import embedded from 'badgateway:catalog';
import type { Catalog } from '../analyzer/types.ts';
import { main, PROCESS_IO } from './main.ts';

declare const BADGATEWAY_VERSION: string;

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  process.stderr.write(`badgateway needs Node.js 18 or newer; this is Node ${process.versions.node}.\n`);
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2), PROCESS_IO, {
  version: () => BADGATEWAY_VERSION,
  catalog: { load: () => embedded as Catalog, from: 'the built-in catalog' },
});
