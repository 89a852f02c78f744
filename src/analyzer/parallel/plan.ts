/**
 * Where a file's blocks begin and end: every BLOCK_BYTES, moved forward to
 * just after a newline (a newline byte never sits inside a UTF-8 character),
 * so every block holds whole lines. Decided by the file alone, never by the
 * number of threads: the report is the same whatever that number. `read`
 * gives bytes of the file (a file descriptor in the CLI, a Blob in the browser).
 */
import type { FileBlock } from './protocol.ts';

/** 8 MiB: small enough that two threads share even a 20 MB file, large enough that merging costs little. */
export const BLOCK_BYTES = 8 << 20;
/** The last lines before a block that are read for the detection state they leave (blocks.ts). */
export const WARMUP_BYTES = 64 << 10;

export type ReadBytes = (from: number, to: number) => Uint8Array | Promise<Uint8Array>;

/** Newline bytes in `b` (a thread with a native search passes its own: serve.ts). */
export function countNewlines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** The offset just after the first newline at or after `pos` (`size` when there is none). */
async function afterNewline(read: ReadBytes, pos: number, size: number): Promise<number> {
  for (let at = pos; at < size; ) {
    const b = await read(at, Math.min(size, at + (1 << 16)));
    if (b.length === 0) break;
    const i = b.indexOf(10);
    if (i !== -1) return at + i + 1;
    at += b.length;
  }
  return size;
}

export async function planBlocks(size: number, read: ReadBytes, blockBytes = BLOCK_BYTES, warmupBytes = WARMUP_BYTES): Promise<FileBlock[]> {
  const starts = [0];
  for (let at = blockBytes; at < size; at += blockBytes) {
    const s = await afterNewline(read, at - 1, size);
    if (s >= size) break;
    if (s > starts[starts.length - 1]!) starts.push(s);
  }
  const blocks: FileBlock[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const end = index + 1 < starts.length ? starts[index + 1]! : size;
    const warmFrom = start === 0 || start <= warmupBytes ? 0 : await afterNewline(read, start - warmupBytes - 1, start);
    blocks.push({ index, start, end, warmFrom: Math.min(warmFrom, start) });
  }
  return blocks;
}

/** The most bytes one block and its warm-up span (a worker's read buffer). */
export function largestRead(blocks: FileBlock[]): number {
  return blocks.reduce((n, b) => Math.max(n, b.end - b.warmFrom), 0);
}
