/**
 * Analyses one large file with Node worker threads: the block protocol's
 * scheduling side (src/analyzer/parallel/schedule.ts) over worker threads
 * that run worker.ts, and this thread counting the first blocks' lines ahead.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { BLOCK_BYTES, largestRead, planBlocks } from '../../analyzer/parallel/plan.ts';
import { NotSplittable, scheduleBlocks } from '../../analyzer/parallel/schedule.ts';
import type { FileBlock, FromWorker } from '../../analyzer/parallel/protocol.ts';
import type { Catalog, Report } from '../../analyzer/types.ts';
import type { BlockWorkerData } from './protocol.ts';
import { countNewlines } from './newlines.ts';

/**
 * Heap limits of a worker thread, in MB: a small young generation, as the
 * CLI's own thread has (bundle-entry.ts), and an old generation far above
 * what a block needs (caches, the catalog and one block's findings take
 * about 10 MB; a block of pasted configuration up to about 25 MB) that stops
 * a runaway. A worker that hits it is reported (ThreadsFailed) and the file
 * is read again in one thread.
 */
const YOUNG_MB = 4;
const OLD_MB = 48;

export interface PoolOptions {
  file: string;
  size: number;
  /** The catalog the report is built with. */
  catalog: Catalog;
  /** Whether the worker's module has that catalog built in (then it is not sent to each worker). */
  catalogBuiltIn?: boolean;
  /** Worker threads to start (at most one per block). */
  jobs: number;
  /** The module a worker runs: it must call runBlockWorker() when its workerData is BlockWorkerData. */
  entry: URL;
  blockBytes?: number;
  /** Called as blocks are absorbed. */
  onProgress?: (bytes: number, lines: number) => void;
}

/**
 * Counts the lines of the first blocks, a MiB at a time, yielding between
 * reads so messages are handled: a worker's first block then never waits for
 * a block queued behind another's (later the workers count far enough ahead).
 */
async function countAhead(file: string, size: number, blocks: FileBlock[], found: (index: number, lines: number) => boolean): Promise<void> {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try {
    for (const b of blocks) {
      let n = 0;
      for (let at = b.start; at < b.end; ) {
        const got = readSync(fd, buf, 0, Math.min(buf.length, b.end - at), at);
        if (got <= 0) return;
        n += countNewlines(buf.subarray(0, got));
        at += got;
        if (at === b.end && b.end === size && buf[got - 1] !== 10) n++;
        await new Promise((r) => setImmediate(r));
      }
      if (!found(b.index, n)) return;
    }
  } catch {
    // The workers read the file too and say what went wrong.
  } finally {
    closeSync(fd);
  }
}

export async function analyzeInWorkers(o: PoolOptions): Promise<Report> {
  const fd = openSync(o.file, 'r');
  let blocks: FileBlock[];
  try {
    // One read buffer for every boundary (a 3 GB file has hundreds).
    const buf = new Uint8Array(1 << 16);
    blocks = await planBlocks(o.size, (from, to) => buf.subarray(0, readSync(fd, buf, 0, Math.min(buf.length, to - from), from)), o.blockBytes);
  } finally {
    closeSync(fd);
  }
  const readBytes = largestRead(blocks);
  // A block is read whole: one made huge by a very long line is better streamed by one thread.
  if (readBytes > 4 * (o.blockBytes ?? BLOCK_BYTES)) throw new NotSplittable(`a line longer than ${((readBytes / 1048576) | 0) || 1} MB`);
  const data: BlockWorkerData = { badgatewayBlocks: true, file: o.file, size: o.size, readBytes, ...(o.catalogBuiltIn ? {} : { catalog: o.catalog }) };
  const n = Math.max(1, Math.min(o.jobs, blocks.length));
  // A small young generation keeps each thread's memory flat whatever the file's size (see bundle-entry.ts).
  const workers = Array.from({ length: n }, () => new Worker(o.entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB } }));
  const schedule = scheduleBlocks({
    blocks,
    catalog: o.catalog,
    ports: workers.map((w) => ({ post: (m) => w.postMessage(m), terminate: () => void w.terminate() })),
    onProgress: o.onProgress,
  });
  workers.forEach((w, i) => {
    w.on('message', (m: FromWorker) => schedule.receive(i, m));
    w.on('error', (e) => schedule.fail(e.message, true));
    w.on('exit', (code) => {
      if (code !== 0) schedule.fail(`a worker thread stopped (exit code ${code})`, true);
    });
  });
  void countAhead(o.file, o.size, blocks.slice(0, 2 * n + 2), (k, count) => {
    schedule.counted(k, count);
    return !schedule.ended;
  });
  return schedule.report;
}
