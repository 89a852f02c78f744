/**
 * Analyses one large file with several worker threads: the file's blocks
 * (plan.ts) are handed out in order, each worker counts a block's lines so
 * the next block can be numbered, and the partials are absorbed strictly in
 * block order. A block whose warm-up state turns out to differ from the
 * state its previous block ended in is read again from that state, so the
 * report equals the one a single thread would give.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { Worker } from 'node:worker_threads';
import { Analyzer } from '../../analyzer/index.ts';
import { resumesFrom, type BlockPartial, type CarriedState } from '../../analyzer/blocks.ts';
import type { Catalog, Report } from '../../analyzer/types.ts';
import { BLOCK_BYTES, planBlocks, type FileBlock } from './plan.ts';
import type { BlockWorkerData, FromWorker, ToWorker } from './protocol.ts';

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
/** Blocks queued in a worker at once (its next one is there when it finishes one). */
const QUEUED_PER_WORKER = 2;

/** The threads failed (not the file): out of memory, or one could not start. The caller may read the file in one thread. */
export class ThreadsFailed extends Error {}

/** The file is better read in one thread (its lines do not cut into blocks of a useful size). */
export class NotSplittable extends Error {}

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
 * Counts the lines of each block in order, a MiB at a time, yielding between
 * reads so messages are handled; `found` returns false to stop. (A worker
 * counts its own block too: whichever comes first numbers the next blocks.)
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
        for (let i = buf.indexOf(10); i !== -1 && i < got; i = buf.indexOf(10, i + 1)) n++;
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

export function analyzeInWorkers(o: PoolOptions): Promise<Report> {
  const fd = openSync(o.file, 'r');
  let blocks: FileBlock[];
  try {
    blocks = planBlocks(fd, o.size, o.blockBytes);
  } finally {
    closeSync(fd);
  }
  const readBytes = blocks.reduce((n, b) => Math.max(n, b.end - b.warmFrom), 0);
  // A block is read whole: one made huge by a very long line is better streamed by one thread.
  if (readBytes > 4 * (o.blockBytes ?? BLOCK_BYTES)) return Promise.reject(new NotSplittable(`a line longer than ${((readBytes / 1048576) | 0) || 1} MB`));
  const data: BlockWorkerData = { badgatewayBlocks: true, file: o.file, size: o.size, readBytes, ...(o.catalogBuiltIn ? {} : { catalog: o.catalog }) };
  const n = Math.max(1, Math.min(o.jobs, blocks.length));

  return new Promise<Report>((resolve, reject) => {
    const workers: Worker[] = [];
    const lines: (number | undefined)[] = [];
    const firstLine: number[] = [0];
    const owner: (Worker | undefined)[] = [];
    const partials: (BlockPartial | undefined)[] = [];
    const again = new Set<number>();
    /** Blocks sent to each worker and not yet returned: two each, so a worker never waits for its next block. */
    const inflight = new Map<Worker, number>();
    const reruns: ToWorker[] = [];
    // Made when the first block comes back: its matchers compile while the workers read.
    let mergerOf: Analyzer | undefined;
    const merger = (): Analyzer => (mergerOf ??= new Analyzer({ catalog: o.catalog }));
    let nextBlock = 0;
    let absorbed = 0;
    let lastEnd: CarriedState | undefined;
    let bytesDone = 0;
    let done = false;

    const fail = (message: string, threads = false): void => {
      if (done) return;
      done = true;
      for (const w of workers) void w.terminate();
      reject(threads ? new ThreadsFailed(message) : new Error(message));
    };
    const send = (w: Worker, m: ToWorker): void => w.postMessage(m);

    // Number blocks as soon as the lines of every block before them are counted.
    const numberBlocks = (): void => {
      while (firstLine.length < blocks.length && lines[firstLine.length - 1] !== undefined) {
        const k = firstLine.length;
        firstLine.push(firstLine[k - 1]! + lines[k - 1]!);
        const w = owner[k];
        if (w) send(w, { type: 'first-line', index: k, firstLine: firstLine[k]! });
      }
    };

    const feed = (w: Worker, depth = QUEUED_PER_WORKER): void => {
      while ((inflight.get(w) ?? 0) < depth) {
        let m = reruns.shift();
        if (!m) {
          if (nextBlock >= blocks.length) return;
          const k = nextBlock++;
          owner[k] = w;
          m = { type: 'block', block: blocks[k]!, ...(firstLine[k] !== undefined ? { firstLine: firstLine[k] } : {}) };
        }
        inflight.set(w, (inflight.get(w) ?? 0) + 1);
        send(w, m);
      }
    };

    // What the absorbed blocks filled, told to the workers as it grows (they then keep less of it).
    let told = '';
    const tellSaturation = (): void => {
      const s = merger().saturation();
      const m: ToWorker = { type: 'saturated', evidence: [...s.evidence], events: [...s.events], lists: [...s.lists] };
      const key = JSON.stringify(m);
      if (key === told) return;
      told = key;
      for (const w of workers) send(w, m);
    };

    const absorbReady = (): void => {
      while (absorbed < blocks.length) {
        const p = partials[absorbed];
        if (!p) return;
        if (lastEnd !== undefined && resumesFrom(p.start, lastEnd) && !again.has(absorbed)) {
          // Its warm-up guessed the state wrong: read it again from the real one.
          again.add(absorbed);
          partials[absorbed] = undefined;
          reruns.push({ type: 'again', block: blocks[absorbed]!, firstLine: firstLine[absorbed]!, state: lastEnd });
          for (const w of workers) feed(w);
          return;
        }
        merger().absorb(p);
        partials[absorbed] = undefined;
        tellSaturation();
        lastEnd = p.end;
        bytesDone += p.bytes;
        absorbed++;
        o.onProgress?.(bytesDone, p.lineNo);
      }
      done = true;
      for (const w of workers) void w.terminate();
      try {
        resolve(merger().end());
      } catch (e) {
        reject(e as Error);
      }
    };

    for (let i = 0; i < n; i++) {
      // A small young generation keeps each thread's memory flat whatever the file's size (see bundle-entry.ts).
      const w = new Worker(o.entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB } });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (done) return;
        if (m.type === 'failed') return fail(m.message);
        if (m.type === 'lines') {
          lines[m.index] = m.lines;
          return numberBlocks();
        }
        partials[m.index] = m.partial;
        inflight.set(w, inflight.get(w)! - 1);
        feed(w);
        absorbReady();
      });
      w.on('error', (e) => fail(e.message, true));
      w.on('exit', (code) => {
        if (!done && code !== 0) fail(`a worker thread stopped (exit code ${code})`, true);
      });
    }
    // Blocks 0, 1, … go to workers 0, 1, … first: a worker's first block is numbered by blocks
    // the others start on at once (a block waits for the line counts of the blocks before it).
    for (const w of workers) feed(w, 1);
    for (const w of workers) feed(w);
    // This thread counts the first blocks' lines too, so no worker waits at the start for a block
    // queued behind another (later the workers count far enough ahead themselves).
    void countAhead(o.file, o.size, blocks.slice(0, 2 * n + 2), (k, count) => {
      if (done || lines[k] !== undefined) return !done;
      lines[k] = count;
      numberBlocks();
      return true;
    });
  });
}
