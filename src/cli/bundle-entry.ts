/**
 * Entry of the single-file CLI (dist/badgateway.mjs, written by the build):
 * the catalog the site serves at /api/catalog.json is embedded, the version
 * is the package's, and it runs on Node ≥ 18 with no dependencies. The same
 * file is the module its worker threads run (one large file is shared among
 * threads, see parallel/pool.ts).
 */
import embedded from 'badgateway:catalog';
import type { Catalog } from '../analyzer/types.ts';
import { spawnSync } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { isMainThread, workerData } from 'node:worker_threads';
import { smallInput } from './small-input.ts';
import { main, PROCESS_IO } from './main.ts';
import { isBlockWorkerData } from './parallel/protocol.ts';
import { runBlockWorker } from './parallel/worker.ts';

declare const BADGATEWAY_VERSION: string;

if (!isMainThread && isBlockWorkerData(workerData)) runBlockWorker(workerData, embedded as Catalog);
else await start();

/**
 * V8 settings the CLI runs with, which only work at start-up (so the command
 * runs once more with them):
 * - a 2 MB semi-space: V8 grows its young generation with the allocation
 *   rate, so peak memory would grow with the size of the log;
 * - no optimizing tier above Maglev (Node ≥ 22): on a log, TurboFan's
 *   background compiles compete with the worker threads for the cores and
 *   its compile memory grows with the run, for code no faster than Maglev's
 *   here (`npm run bench`: a dense 254 MB log 8 % faster, peak memory flat).
 * Not for a small input (smallInput()): there they change nothing, and a
 * second start costs about 0.2 s.
 */
function rerunWithSettings(major: number): number | undefined {
  if (process.execArgv.some((a) => a.startsWith('--max-semi-space-size')) || process.env.BADGATEWAY_SEMI_SPACE === 'default') return undefined;
  if (smallInput(process.argv.slice(2))) return undefined;
  const flags = ['--max-semi-space-size=2', ...(major >= 22 ? ['--max-opt=2'] : [])];
  const r = spawnSync(process.execPath, [...flags, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`badgateway: cannot start: ${r.error.message}\n`);
    return 2;
  }
  return r.status ?? (r.signal ? 128 + (osConstants.signals[r.signal] ?? 0) : 1);
}

async function start(): Promise<void> {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 18) {
    process.stderr.write(`badgateway needs Node.js 18 or newer; this is Node ${process.versions.node}.\n`);
    process.exit(2);
  }
  const rerun = rerunWithSettings(major);
  if (rerun !== undefined) process.exit(rerun);
  process.exitCode = await main(process.argv.slice(2), PROCESS_IO, {
    version: () => BADGATEWAY_VERSION,
    catalog: { load: () => embedded as Catalog, from: 'the built-in catalog' },
    workerEntry: new URL(import.meta.url),
    workerHasCatalog: true,
  });
}
