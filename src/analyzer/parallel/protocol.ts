/** Messages between the thread that schedules blocks (schedule.ts) and the ones that read them (serve.ts). */
import type { BlockPartial, CarriedState } from '../blocks.ts';

export interface FileBlock {
  index: number;
  start: number;
  end: number;
  /** Where the warm-up starts (the last whole lines before `start`); equals `start` for the first block. */
  warmFrom: number;
}

/**
 * A block's bytes, `warmFrom` to `end`, when the scheduling thread read them
 * (a stream, carve.ts); without them the reading thread reads its source. They
 * travel with the block and come back with its partial, for a reading again.
 */
export type Bytes = { bytes?: Uint8Array };

export type ToWorker =
  /** Read a block: count its lines (unless given), then wait for its first line number (unless given). */
  | ({ type: 'block'; block: FileBlock; firstLine?: number; lines?: number } & Bytes)
  | { type: 'first-line'; index: number; firstLine: number }
  /** Read a block again from the state its previous block really ended in. */
  | ({ type: 'again'; block: FileBlock; firstLine: number; state: CarriedState } & Bytes)
  /** What the absorbed blocks filled (Saturation): later blocks keep no more of it. */
  | { type: 'saturated'; evidence: string[]; events: string[]; lists: string[] };

export type FromWorker = { type: 'lines'; index: number; lines: number } | ({ type: 'partial'; index: number; partial: BlockPartial } & Bytes) | { type: 'failed'; message: string };

/** The buffers a message can move rather than copy (a block's bytes). */
export function transferables(m: ToWorker | FromWorker): ArrayBuffer[] {
  const b = 'bytes' in m ? m.bytes : undefined;
  return b && b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? [b.buffer] : [];
}
