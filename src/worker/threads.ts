/**
 * How many block workers the analyzer page reads a dropped file with, by the
 * size of its text and the cores (docs/architecture.md, "The analyzer page").
 */
import { BLOCK_BYTES } from '../analyzer/parallel/plan.ts';

/** Block workers at most by default (the analyzer's worker reads the file and schedules; they analyse). */
const MAX_BLOCK_WORKERS = 4;
/** Block workers at most when asked for (`?threads=N`). */
const MAX_ASKED = 16;
/**
 * The text size from which two block workers pay. Each new worker spends
 * about 0.3 s starting and warming up its code: on this project's 2-core
 * machine two workers were slower than the analyzer's worker alone up to
 * 100 MB and faster from about 150 MB (400 MB: 3.4 s against 4.4 s). Each
 * further core lowers it.
 */
const BLOCKS_FROM_TWO_CORES = 128 << 20;

/** Block workers for `size` bytes of text: 0 means the analyzer's worker alone. `threads` forces it (1: alone). */
export function blockWorkers(size: number, cores: number, threads?: number): number {
  const blocks = Math.ceil(size / BLOCK_BYTES);
  if (blocks < 2) return 0;
  if (threads !== undefined) return threads > 1 ? Math.min(threads, blocks, MAX_ASKED) : 0;
  const n = Math.min(MAX_BLOCK_WORKERS, cores, blocks);
  return n >= 2 && size >= BLOCKS_FROM_TWO_CORES / (n - 1) ? n : 0;
}
