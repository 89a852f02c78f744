/**
 * A block worker of the analyzer page: analyses blocks of one dropped file for
 * the analyzer's worker, which reads the file once as a stream and hands each
 * block's bytes over (the block protocol, src/analyzer/parallel/). Its first
 * message brings the catalog; it has no network from its first line.
 */
import { blockServer } from '../analyzer/parallel/serve.ts';
import { transferables, type FromWorker, type ToWorker } from '../analyzer/parallel/protocol.ts';
import type { Catalog } from '../analyzer/types.ts';
import { lockNetwork } from './lockdown.ts';

lockNetwork();

export interface BlockWorkerStart {
  catalog: Catalog;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: FromWorker, transfer: Transferable[]) => void };
let handle: ((m: ToWorker) => void) | undefined;
scope.onmessage = (e: MessageEvent) => {
  if (handle) return handle(e.data as ToWorker);
  const { catalog } = e.data as BlockWorkerStart;
  handle = blockServer(catalog, undefined, (m) => scope.postMessage(m, transferables(m)));
};
