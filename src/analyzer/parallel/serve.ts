/**
 * The reading side of the block protocol: a thread given blocks of one file
 * counts each block's lines (so the next block can be numbered before this one
 * is analysed), reads the last lines before it for the detection state they
 * leave, analyses it once its first line number is known, and returns the
 * partial. Pure: the bytes come with the block (the browser's scheduler reads
 * the file as a stream, carve.ts) or from `source.read` (a file in the CLI),
 * `post` sends messages back.
 */
import { blockAnalyzer, warmState, type CarriedState } from '../blocks.ts';
import type { AnalyzeOptions, Catalog, Saturation } from '../types.ts';
import { countNewlines, type ReadBytes } from './plan.ts';
import type { FileBlock, FromWorker, ToWorker } from './protocol.ts';

export interface BlockSource {
  size: number;
  /** Bytes of the file; what it returns is used before the next call (a reused buffer is fine). */
  read?: ReadBytes;
  /** Newline bytes in `b` (a native search where the platform has one). */
  countNewlines?: (b: Uint8Array) => number;
}

/** Text is handed to the engine in slices of this many bytes (young-generation sized). */
const SLICE = 1 << 16;

/** Returns the handler of the scheduler's messages. */
export function blockServer(catalog: Catalog, source: BlockSource | undefined, post: (m: FromWorker) => void): (m: ToWorker) => void {
  // Updated in place as the scheduler absorbs blocks (a block being read sees it too).
  const saturated: Saturation = { evidence: new Set(), events: new Set(), lists: new Set() };
  const options: AnalyzeOptions = { catalog, saturated };
  const count = source?.countNewlines ?? countNewlines;
  const firstLines = new Map<number, number>();
  const waiting = new Map<number, (n: number) => void>();

  const firstLineOf = (index: number): Promise<number> => {
    const known = firstLines.get(index);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => waiting.set(index, resolve));
  };

  /** The block's bytes from `warmFrom` (given ones are handed back with the partial). */
  const bytesOf = async (b: FileBlock, given: Uint8Array | undefined): Promise<Uint8Array> => {
    if (given) return given;
    if (!source?.read) throw new Error(`block ${b.index} came without its bytes`);
    const bytes = await source.read(b.warmFrom, b.end);
    if (bytes.length !== b.end - b.warmFrom) throw new Error(`the file ended early (at byte ${b.warmFrom + bytes.length}; was it truncated while being read?)`);
    return bytes;
  };

  const analyse = (block: FileBlock, bytes: Uint8Array, firstLine: number, state: CarriedState | undefined, given: boolean): void => {
    const a = blockAnalyzer(options, { firstLine, ...(state ? { state } : {}) });
    const decoder = new TextDecoder('utf-8');
    for (let o = block.start - block.warmFrom; o < bytes.length; o += SLICE) {
      const end = Math.min(bytes.length, o + SLICE);
      a.push(decoder.decode(bytes.subarray(o, end), { stream: end < bytes.length }), end - o);
    }
    post({ type: 'partial', index: block.index, partial: a.finishBlock(), ...(given ? { bytes } : {}) });
  };

  const block = async (m: Extract<ToWorker, { type: 'block' }>): Promise<void> => {
    const b = m.block;
    const bytes = await bytesOf(b, m.bytes);
    const from = b.start - b.warmFrom;
    if (m.lines === undefined) {
      const body = bytes.subarray(from);
      // The last line of the file may lack its newline; every other block ends with one.
      const lines = count(body) + (b.end === source?.size && body.length > 0 && body[body.length - 1] !== 10 ? 1 : 0);
      post({ type: 'lines', index: b.index, lines });
    }
    // The warm-up needs no line numbers: it runs while the blocks before are being counted.
    const state = from > 0 ? warmState(options, new TextDecoder('utf-8').decode(bytes.subarray(0, from))) : undefined;
    const firstLine = m.firstLine ?? (await firstLineOf(b.index));
    analyse(b, bytes, firstLine, state, m.bytes !== undefined);
  };

  const again = async (b: FileBlock, firstLine: number, state: CarriedState, givenBytes: Uint8Array | undefined): Promise<void> => {
    analyse(b, await bytesOf(b, givenBytes), firstLine, state, givenBytes !== undefined);
  };

  let chain = Promise.resolve();
  return (m: ToWorker): void => {
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
    chain = chain.then(() => (m.type === 'block' ? block(m) : again(m.block, m.firstLine, m.state, m.bytes))).catch((e: unknown) => post({ type: 'failed', message: (e as Error).message }));
  };
}
