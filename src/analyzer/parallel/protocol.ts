/** Messages between the thread that schedules blocks (schedule.ts) and the ones that read them (serve.ts). */
import type { BlockPartial, CarriedState } from '../blocks.ts';

export interface FileBlock {
  index: number;
  start: number;
  end: number;
  /** Where the warm-up starts (the last whole lines before `start`); equals `start` for the first block. */
  warmFrom: number;
}

export type ToWorker =
  /** Read a block: count its lines, then wait for its first line number (unless given). */
  | { type: 'block'; block: FileBlock; firstLine?: number }
  | { type: 'first-line'; index: number; firstLine: number }
  /** Read a block again from the state its previous block really ended in. */
  | { type: 'again'; block: FileBlock; firstLine: number; state: CarriedState }
  /** What the absorbed blocks filled (Saturation): later blocks keep no more of it. */
  | { type: 'saturated'; evidence: string[]; events: string[]; lists: string[] };

export type FromWorker = { type: 'lines'; index: number; lines: number } | { type: 'partial'; index: number; partial: BlockPartial } | { type: 'failed'; message: string };
