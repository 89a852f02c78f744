/**
 * A block worker of the analyzer page: reads blocks of one dropped file for
 * the analyzer's worker, which schedules them on the cores (the block
 * protocol, src/analyzer/parallel/). Its first message brings the catalog and
 * the file; it has no network from its first line.
 */
import { blockServer } from '../analyzer/parallel/serve.ts';
import type { FromWorker, ToWorker } from '../analyzer/parallel/protocol.ts';
import type { Catalog } from '../analyzer/types.ts';
import { lockNetwork } from './lockdown.ts';

lockNetwork();

export interface BlockWorkerStart {
  catalog: Catalog;
  file: Blob;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent) => void) | null; postMessage: (m: FromWorker) => void };
let handle: ((m: ToWorker) => void) | undefined;
scope.onmessage = (e: MessageEvent) => {
  if (handle) return handle(e.data as ToWorker);
  const { catalog, file } = e.data as BlockWorkerStart;
  handle = blockServer(catalog, { size: file.size, read: async (from, to) => new Uint8Array(await file.slice(from, to).arrayBuffer()) }, (m) => scope.postMessage(m));
};
