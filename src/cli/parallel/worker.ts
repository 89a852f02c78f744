/**
 * A block worker: reads the blocks of one file it is given, numbers their
 * lines from what the main thread tells it, and returns each block's partial
 * analysis. The engine's own block protocol (src/analyzer/blocks.ts) decides
 * everything; this only reads bytes and passes messages.
 */
import { Buffer } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { blockAnalyzer, warmState, type CarriedState } from '../../analyzer/blocks.ts';
import type { AnalyzeOptions, Catalog, Saturation } from '../../analyzer/types.ts';
import type { FileBlock } from './plan.ts';
import type { BlockWorkerData, FromWorker, ToWorker } from './protocol.ts';

/** Text is handed to the engine in slices of this many bytes (young-generation sized, as the single-thread reader does). */
const SLICE = 1 << 16;

/**
 * One buffer per worker, reused for every block (blocks are read one at a
 * time and decoded into strings of their own): a new 8 MB buffer per block
 * would pile up outside V8's heap until a full collection, so memory would
 * grow with the file.
 */
let scratch = new Uint8Array(0);

function readRange(fd: number, from: number, to: number): Uint8Array {
  if (scratch.length < to - from) scratch = new Uint8Array(Buffer.allocUnsafeSlow(to - from).buffer); // not zero-filled: every byte is read over (sized once: BlockWorkerData.readBytes)
  const buf = scratch.subarray(0, to - from);
  for (let o = 0; o < buf.length; ) {
    const n = readSync(fd, buf, o, buf.length - o, from + o);
    if (n <= 0) throw new Error(`the file ended early (at byte ${from + o}; was it truncated while being read?)`);
    o += n;
  }
  return buf;
}

function countLines(bytes: Uint8Array, last: boolean): number {
  // A Buffer's indexOf of one byte is a native scan.
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  // The last line of the file may lack its newline; every other block ends with one.
  if (last && b.length > 0 && b[b.length - 1] !== 10) n++;
  return n;
}

/** `builtIn`: the catalog of the worker's module, used when the main thread sent none. */
export function runBlockWorker(data: BlockWorkerData, builtIn?: Catalog): void {
  const port = parentPort;
  if (!port) throw new Error('runBlockWorker() outside a worker thread');
  const catalog = data.catalog ?? builtIn;
  if (!catalog) throw new Error('a block worker started without a catalog');
  // Updated in place as the main thread absorbs blocks (a block being read sees it too).
  const saturated: Saturation = { evidence: new Set(), events: new Set(), lists: new Set() };
  const options: AnalyzeOptions = { catalog, saturated };
  if (scratch.length < data.readBytes) scratch = new Uint8Array(Buffer.allocUnsafeSlow(data.readBytes).buffer);
  const fd = openSync(data.file, 'r');
  const firstLines = new Map<number, number>();
  const waiting = new Map<number, (n: number) => void>();
  const post = (m: FromWorker): void => port.postMessage(m);

  const firstLineOf = (index: number): Promise<number> => {
    const known = firstLines.get(index);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => waiting.set(index, resolve));
  };

  const analyse = (block: FileBlock, bytes: Uint8Array, from: number, firstLine: number, state: CarriedState | undefined): void => {
    const a = blockAnalyzer(options, { firstLine, ...(state ? { state } : {}) });
    const decoder = new TextDecoder('utf-8');
    for (let o = from; o < bytes.length; o += SLICE) {
      const end = Math.min(bytes.length, o + SLICE);
      a.push(decoder.decode(bytes.subarray(o, end), { stream: end < bytes.length }), end - o);
    }
    post({ type: 'partial', index: block.index, partial: a.finishBlock() });
  };

  const block = async (b: FileBlock, given: number | undefined): Promise<void> => {
    const bytes = readRange(fd, b.warmFrom, b.end);
    const from = b.start - b.warmFrom;
    post({ type: 'lines', index: b.index, lines: countLines(bytes.subarray(from), b.end === data.size) });
    // The warm-up needs no line numbers: it runs while the blocks before are being counted.
    const state = from > 0 ? warmState(options, new TextDecoder('utf-8').decode(bytes.subarray(0, from))) : undefined;
    const firstLine = given ?? (await firstLineOf(b.index));
    analyse(b, bytes, from, firstLine, state);
  };

  let chain = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if (m.type === 'saturated') {
      for (const c of m.evidence) saturated.evidence.add(c);
      for (const e of m.events) saturated.events.add(e);
      for (const l of m.lists) saturated.lists.add(l);
      return;
    }
    if (m.type === 'first-line') {
      firstLines.set(m.index, m.firstLine);
      waiting.get(m.index)?.(m.firstLine);
      waiting.delete(m.index);
      return;
    }
    // One block at a time, in the order given.
    chain = chain
      .then(() => (m.type === 'block' ? block(m.block, m.firstLine) : analyse(m.block, readRange(fd, m.block.start, m.block.end), 0, m.firstLine, m.state)))
      .catch((e: unknown) => post({ type: 'failed', message: (e as Error).message }));
  });
  port.on('close', () => closeSync(fd));
}
