/**
 * The blocks of a file read as one stream (a browser's File.stream(), or a
 * gunzipped one): the same cut as plan.ts, decided as the bytes arrive, each
 * block handed out with its bytes (its warm-up span and itself) in a buffer of
 * its own that can be transferred to the thread that reads it. Reading a file
 * once from start to end costs a third of reading it by slices.
 */
import { BLOCK_BYTES, countNewlines, WARMUP_BYTES } from './plan.ts';
import type { FileBlock } from './protocol.ts';

export interface CarvedBlock {
  block: FileBlock;
  /** Bytes `block.warmFrom` to `block.end`, in an ArrayBuffer of exactly that size. */
  bytes: Uint8Array;
  /** Lines from `block.start` to `block.end` (a last line without its newline counts). */
  lines: number;
}

/** A block grew past this many bytes (a file of very long lines, or no newlines at all): see BlockCarver. */
export class BlockTooLarge extends Error {}

/** The stream's bytes still needed, as received chunks, addressed by file offset. */
class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** File offset of chunks[0][0]. */
  private from = 0;
  /** File offset just past the last byte received. */
  end = 0;

  append(c: Uint8Array): void {
    if (c.length === 0) return;
    this.chunks.push(c);
    this.end += c.length;
  }

  /** The first newline at or after `pos` (a file offset), or -1. */
  newlineAt(pos: number): number {
    let base = this.from;
    for (const c of this.chunks) {
      if (pos < base + c.length) {
        const i = c.indexOf(10, Math.max(0, pos - base));
        if (i !== -1) return base + i;
      }
      base += c.length;
    }
    return -1;
  }

  /** A copy of bytes `a` to `b`, with its own ArrayBuffer. */
  copy(a: number, b: number): Uint8Array {
    const out = new Uint8Array(b - a);
    let base = this.from;
    for (const c of this.chunks) {
      const lo = Math.max(a, base);
      const hi = Math.min(b, base + c.length);
      if (lo < hi) out.set(c.subarray(lo - base, hi - base), lo - a);
      base += c.length;
      if (base >= b) break;
    }
    return out;
  }

  /** Forgets whole chunks before `offset`. */
  drop(offset: number): void {
    while (this.chunks.length > 0 && this.from + this.chunks[0]!.length <= offset) this.from += this.chunks.shift()!.length;
  }
}

/**
 * Feed it the stream's chunks in order; it returns each block once the next
 * one's first byte has arrived (a block never ends at the end of the file
 * unless it is the last). `maxBlock` bounds the bytes held for one block: a
 * block that outgrows it throws BlockTooLarge, and the caller reads the file
 * in one thread instead (which holds one line at a time, not one block).
 */
export class BlockCarver {
  private q = new ByteQueue();
  private index = 0;
  private start = 0;
  private warmFrom = 0;
  /** Where the next block's start is looked for: just before the next multiple of the block size. */
  private searchFrom: number;
  /** The next block's start, once its newline is found. */
  private next: number | undefined;

  private readonly blockBytes: number;
  private readonly warmupBytes: number;
  private readonly maxBlock: number;

  constructor(blockBytes = BLOCK_BYTES, warmupBytes = WARMUP_BYTES, maxBlock = 4 * blockBytes) {
    this.blockBytes = blockBytes;
    this.warmupBytes = warmupBytes;
    this.maxBlock = maxBlock;
    this.searchFrom = blockBytes - 1;
  }

  push(chunk: Uint8Array): CarvedBlock[] {
    this.q.append(chunk);
    const out: CarvedBlock[] = [];
    for (;;) {
      if (this.next === undefined) {
        const nl = this.searchFrom < this.q.end ? this.q.newlineAt(this.searchFrom) : -1;
        if (nl === -1) break;
        this.next = nl + 1;
      }
      // The next block exists only if a byte follows its start (plan.ts: no block starts at the end).
      if (this.q.end <= this.next) break;
      out.push(this.take(this.next));
      this.begin(this.next);
    }
    if (this.q.end - this.warmFrom > this.maxBlock) throw new BlockTooLarge(`a block grew past ${this.maxBlock} bytes`);
    return out;
  }

  /** The last block (every file has one, an empty file an empty one, as in plan.ts). */
  end(): CarvedBlock {
    const size = this.q.end;
    const last = this.take(size);
    if (size > this.start && this.q.copy(size - 1, size)[0] !== 10) last.lines++;
    return last;
  }

  private take(end: number): CarvedBlock {
    const block: FileBlock = { index: this.index, start: this.start, end, warmFrom: this.warmFrom };
    const bytes = this.q.copy(this.warmFrom, end);
    return { block, bytes, lines: countNewlines(bytes.subarray(this.start - this.warmFrom)) };
  }

  private begin(start: number): void {
    this.index++;
    this.start = start;
    // plan.ts: the warm-up starts just after the first newline at or after `start - warmupBytes - 1`.
    // start - 1 is a newline, so one is always found.
    this.warmFrom = start <= this.warmupBytes ? 0 : Math.min(start, this.q.newlineAt(Math.max(start - this.warmupBytes - 1, this.warmFrom - 1)) + 1);
    this.searchFrom = (Math.floor(start / this.blockBytes) + 1) * this.blockBytes - 1;
    this.next = undefined;
    // The next warm-up search starts no earlier than this one's newline (warmFrom - 1).
    this.q.drop(Math.max(0, this.warmFrom - 1));
  }
}
