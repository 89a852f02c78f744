/**
 * Where a file's blocks begin and end: every BLOCK_BYTES, moved forward to
 * just after a newline (a newline byte never sits inside a UTF-8 character),
 * so every block holds whole lines. Decided by the file alone, never by the
 * number of threads: the report is the same whatever that number.
 */
import { readSync } from 'node:fs';

/** 8 MiB: small enough that two threads share even a 20 MB file, large enough that merging costs little. */
export const BLOCK_BYTES = 8 << 20;
/** The last lines before a block that are read for the detection state they leave (blocks.ts). */
export const WARMUP_BYTES = 64 << 10;

export interface FileBlock {
  index: number;
  start: number;
  end: number;
  /** Where the warm-up starts (the last whole lines before `start`); equals `start` for the first block. */
  warmFrom: number;
}

/** The offset just after the first newline at or after `pos` (`size` when there is none). */
function afterNewline(fd: number, pos: number, size: number, buf: Uint8Array): number {
  for (let at = pos; at < size; ) {
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n <= 0) break;
    const i = buf.subarray(0, n).indexOf(10);
    if (i !== -1) return at + i + 1;
    at += n;
  }
  return size;
}

export function planBlocks(fd: number, size: number, blockBytes = BLOCK_BYTES, warmupBytes = WARMUP_BYTES): FileBlock[] {
  // One read buffer for every boundary (a 3 GB file has hundreds).
  const buf = new Uint8Array(1 << 16);
  const starts = [0];
  for (let at = blockBytes; at < size; at += blockBytes) {
    const s = afterNewline(fd, at - 1, size, buf);
    if (s >= size) break;
    if (s > starts[starts.length - 1]!) starts.push(s);
  }
  return starts.map((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1]! : size;
    const warmFrom = start === 0 ? 0 : start <= warmupBytes ? 0 : afterNewline(fd, start - warmupBytes - 1, start, buf);
    return { index, start, end, warmFrom: Math.min(warmFrom, start) };
  });
}
