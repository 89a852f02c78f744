/** What the CLI gives a block worker thread at its start (the messages are src/analyzer/parallel/protocol.ts). */
import type { Catalog } from '../../analyzer/types.ts';

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

export function isBlockWorkerData(d: unknown): d is BlockWorkerData {
  return typeof d === 'object' && d !== null && (d as { badgatewayBlocks?: unknown }).badgatewayBlocks === true;
}
