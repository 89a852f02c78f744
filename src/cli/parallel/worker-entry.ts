/** What a block worker runs from a checkout (the bundle's own entry does the same). */
import { workerData } from 'node:worker_threads';
import { isBlockWorkerData } from './protocol.ts';
import { runBlockWorker } from './worker.ts';

if (!isBlockWorkerData(workerData)) throw new Error('worker-entry.ts is started by the CLI for a block of a file');
runBlockWorker(workerData);
