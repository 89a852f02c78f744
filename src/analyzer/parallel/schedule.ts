/**
 * The scheduling side of the block protocol: a file's blocks (plan.ts) are
 * handed out to reading threads (serve.ts), two queued each, in round-robin
 * first; blocks are numbered as soon as the lines of every block before them
 * are counted; partials are absorbed strictly in block order. A block whose
 * warm-up state differs from the state its previous block really ended in is
 * read again from that state, so the report equals the one a single thread
 * would give, whatever the number of threads. Pure: the caller creates the
 * threads (Node worker threads, Web Workers) and passes their messages in.
 *
 * The blocks are either planned up front (plan.ts: each thread reads its own
 * bytes) or pulled one at a time from a stream the scheduling thread reads
 * (carve.ts): then each block's bytes travel with it, only as many are pulled
 * as the threads have room for, and a block's bytes come back with its
 * partial and are kept until it is absorbed, in case it must be read again.
 */
import { Analyzer } from '../analyzer.ts';
import { resumesFrom, type BlockPartial, type CarriedState } from '../blocks.ts';
import type { Catalog, Report } from '../types.ts';
import type { CarvedBlock } from './carve.ts';
import type { FileBlock, FromWorker, ToWorker } from './protocol.ts';

/** The threads failed (not the file): out of memory, or one could not start. The caller may read the file in one thread. */
export class ThreadsFailed extends Error {}

/** The file is better read in one thread (its lines do not cut into blocks of a useful size). */
export class NotSplittable extends Error {}

/** A reading thread, as the scheduler sees it. */
export interface BlockPort {
  post(m: ToWorker): void;
  terminate(): void;
}

export interface Schedule {
  /** The report, once every block is absorbed; rejects with the first failure. */
  report: Promise<Report>;
  /** A message from port `i`. */
  receive(i: number, m: FromWorker): void;
  /** The lines of block `index`, counted by the caller (optional: the threads count them too). */
  counted(index: number, lines: number): void;
  /** Stops: `threads` when the threads failed rather than the file. */
  fail(message: string, threads: boolean): void;
  /** Whether the schedule has ended (done, failed or stopped). */
  readonly ended: boolean;
}

/** Blocks read by the scheduling thread, in order; null after the last. */
export type BlockStream = () => Promise<CarvedBlock | null>;

export interface ScheduleOptions {
  blocks: FileBlock[] | BlockStream;
  catalog: Catalog;
  ports: BlockPort[];
  /** Called as blocks are absorbed. */
  onProgress?: (bytes: number, lines: number) => void;
}

/** Blocks queued in a thread at once (its next one is there when it finishes one). */
const QUEUED = 2;

export function scheduleBlocks(o: ScheduleOptions): Schedule {
  const { ports } = o;
  const pull = typeof o.blocks === 'function' ? o.blocks : undefined;
  /** The blocks known so far (all of them unless pulled from a stream). */
  const blocks: FileBlock[] = pull ? [] : (o.blocks as FileBlock[]);
  /** How many blocks there are, once known. */
  let total: number | undefined = pull ? undefined : blocks.length;
  let pulling = false;
  /** Pulled blocks' bytes, from their return with the partial to their absorption. */
  const held: (Uint8Array | undefined)[] = [];
  const lines: (number | undefined)[] = [];
  const firstLine: number[] = [0];
  const owner: (number | undefined)[] = [];
  const partials: (BlockPartial | undefined)[] = [];
  const again = new Set<number>();
  const inflight = ports.map(() => 0);
  const reruns: ToWorker[] = [];
  // Made when the first block comes back: its matchers compile while the threads read.
  let mergerOf: Analyzer | undefined;
  const merger = (): Analyzer => (mergerOf ??= new Analyzer({ catalog: o.catalog }));
  let nextBlock = 0;
  let absorbed = 0;
  let lastEnd: CarriedState | undefined;
  let bytesDone = 0;
  let ended = false;
  let resolve!: (r: Report) => void;
  let reject!: (e: Error) => void;
  const report = new Promise<Report>((res, rej) => {
    resolve = res;
    reject = rej;
  });

  const stop = (): void => {
    ended = true;
    for (const p of ports) p.terminate();
  };
  const fail = (message: string, threads: boolean): void => {
    if (ended) return;
    stop();
    reject(threads ? new ThreadsFailed(message) : new Error(message));
  };

  // Number blocks as soon as the lines of every block before them are counted.
  const numberBlocks = (): void => {
    while (firstLine.length < blocks.length && lines[firstLine.length - 1] !== undefined) {
      const k = firstLine.length;
      firstLine.push(firstLine[k - 1]! + lines[k - 1]!);
      const w = owner[k];
      if (w !== undefined) ports[w]!.post({ type: 'first-line', index: k, firstLine: firstLine[k]! });
    }
  };

  const feed = (w: number, depth = QUEUED): void => {
    while (inflight[w]! < depth) {
      let m = reruns.shift();
      if (!m) {
        if (pull) return pullNext();
        if (nextBlock >= blocks.length) return;
        const k = nextBlock++;
        owner[k] = w;
        m = { type: 'block', block: blocks[k]!, ...(firstLine[k] !== undefined ? { firstLine: firstLine[k] } : {}), ...(lines[k] !== undefined ? { lines: lines[k] } : {}) };
      }
      inflight[w]!++;
      ports[w]!.post(m);
    }
  };

  // One pull at a time, for the thread with the fewest blocks (the lowest first) while one has room.
  const pullNext = (): void => {
    if (!pull || pulling || total !== undefined || ended) return;
    let w = -1;
    ports.forEach((_, i) => {
      if (inflight[i]! < QUEUED && (w === -1 || inflight[i]! < inflight[w]!)) w = i;
    });
    if (w === -1) return;
    pulling = true;
    pull().then(
      (c) => {
        pulling = false;
        if (ended) return;
        if (!c) {
          total = blocks.length;
          return absorbReady();
        }
        const k = c.block.index;
        blocks.push(c.block);
        lines[k] = c.lines;
        numberBlocks();
        owner[k] = w;
        inflight[w]!++;
        ports[w]!.post({ type: 'block', block: c.block, bytes: c.bytes, lines: c.lines, ...(firstLine[k] !== undefined ? { firstLine: firstLine[k] } : {}) });
        pullNext();
      },
      (e: unknown) => {
        // The stream's own error (a BlockTooLarge tells the caller to read in one thread).
        if (ended) return;
        stop();
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };

  // What the absorbed blocks filled, told to the threads as it grows (they then keep less of it).
  let told = '';
  const tellSaturation = (): void => {
    const s = merger().saturation();
    const m: ToWorker = { type: 'saturated', evidence: [...s.evidence], events: [...s.events], lists: [...s.lists] };
    const key = JSON.stringify(m);
    if (key === told) return;
    told = key;
    for (const p of ports) p.post(m);
  };

  const absorbReady = (): void => {
    while (absorbed < blocks.length) {
      const p = partials[absorbed];
      if (!p) return;
      if (lastEnd !== undefined && resumesFrom(p.start, lastEnd) && !again.has(absorbed)) {
        // Its warm-up guessed the state wrong: read it again from the real one.
        again.add(absorbed);
        partials[absorbed] = undefined;
        const bytes = held[absorbed];
        held[absorbed] = undefined;
        reruns.push({ type: 'again', block: blocks[absorbed]!, firstLine: firstLine[absorbed]!, state: lastEnd, ...(bytes ? { bytes } : {}) });
        ports.forEach((_, w) => feed(w));
        return;
      }
      merger().absorb(p);
      partials[absorbed] = undefined;
      held[absorbed] = undefined;
      tellSaturation();
      lastEnd = p.end;
      bytesDone += p.bytes;
      absorbed++;
      o.onProgress?.(bytesDone, p.lineNo);
    }
    if (absorbed !== total) return pullNext();
    stop();
    try {
      resolve(merger().end());
    } catch (e) {
      reject(e as Error);
    }
  };

  const schedule: Schedule = {
    report,
    receive(w, m) {
      if (ended) return;
      if (m.type === 'failed') return fail(m.message, false);
      if (m.type === 'lines') {
        lines[m.index] = m.lines;
        return numberBlocks();
      }
      partials[m.index] = m.partial;
      if (m.bytes) held[m.index] = m.bytes;
      inflight[w]!--;
      feed(w);
      absorbReady();
    },
    counted(index, n) {
      if (ended || lines[index] !== undefined) return;
      lines[index] = n;
      numberBlocks();
    },
    fail,
    get ended() {
      return ended;
    },
  };
  if (total === 0) {
    stop();
    resolve(new Analyzer({ catalog: o.catalog }).end());
    return schedule;
  }
  // Blocks 0, 1, … go to threads 0, 1, … first: a thread's first block is numbered by blocks
  // the others start on at once (a block waits for the line counts of the blocks before it).
  ports.forEach((_, w) => feed(w, 1));
  ports.forEach((_, w) => feed(w));
  return schedule;
}
