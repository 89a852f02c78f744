/**
 * A block worker thread of the CLI: the block protocol's reading side
 * (src/analyzer/parallel/serve.ts) over one file read with plain synchronous
 * reads into one reused buffer.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import { blockServer } from '../../analyzer/parallel/serve.ts';
import type { FromWorker, ToWorker } from '../../analyzer/parallel/protocol.ts';
import type { Catalog } from '../../analyzer/types.ts';
import type { BlockWorkerData } from './protocol.ts';
import { countNewlines } from './newlines.ts';

/** `builtIn`: the catalog of the worker's module, used when the main thread sent none. */
export function runBlockWorker(data: BlockWorkerData, builtIn?: Catalog): void {
  const port = parentPort;
  if (!port) throw new Error('runBlockWorker() outside a worker thread');
  const catalog = data.catalog ?? builtIn;
  if (!catalog) throw new Error('a block worker started without a catalog');
  const fd = openSync(data.file, 'r');
  // One buffer for every block (blocks are read one at a time and decoded into strings of their own):
  // a new 8 MB buffer per block would pile up outside V8's heap until a full collection.
  const scratch = new Uint8Array(Buffer.allocUnsafeSlow(Math.max(1, data.readBytes)).buffer); // not zero-filled: every byte is read over
  const read = (from: number, to: number): Uint8Array => {
    const buf = scratch.length >= to - from ? scratch.subarray(0, to - from) : new Uint8Array(to - from);
    let o = 0;
    while (o < buf.length) {
      const n = readSync(fd, buf, o, buf.length - o, from + o);
      if (n <= 0) break;
      o += n;
    }
    return buf.subarray(0, o);
  };
  const handle = blockServer(catalog, { size: data.size, read, countNewlines }, (m: FromWorker) => port.postMessage(m));
  port.on('message', (m: ToWorker) => handle(m));
  port.on('close', () => closeSync(fd));
}
