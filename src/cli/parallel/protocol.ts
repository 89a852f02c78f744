/** Messages between the CLI's main thread (pool.ts) and its block workers (worker.ts). */
import type { Catalog } from '../../analyzer/types.ts';
import type { BlockPartial, CarriedState } from '../../analyzer/blocks.ts';
import type { FileBlock } from './plan.ts';

/** `workerData` of a block worker (the bundle's entry starts a worker when it sees `badgatewayBlocks`). */
export interface BlockWorkerData {
  badgatewayBlocks: true;
  file: string;
  size: number;
  /** The catalog, unless the worker's module has it built in (the bundle's own catalog). */
  catalog?: Catalog;
  /** The most bytes one block and its warm-up span: the worker's one read buffer. */
  readBytes: number;
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

export function isBlockWorkerData(d: unknown): d is BlockWorkerData {
  return typeof d === 'object' && d !== null && (d as { badgatewayBlocks?: unknown }).badgatewayBlocks === true;
}
