/**
 * One input analysed in blocks, so that several threads can share a large
 * file. Each block is read by its own Analyzer, numbered from the lines
 * before it, starting from the detection state that the last lines before it
 * leave (a short warm-up over them). Blocks are then absorbed in order. When
 * a block's warm-up state differs from the state its previous block really
 * ended in, the caller reads that block again from the real state
 * (`resumesFrom`), so the result does not depend on how many threads there
 * were or in which order they finished. Pure: the caller does the reading.
 */
import { Analyzer, type BlockPartial, type CarriedState } from './analyzer.ts';
import type { AnalyzeOptions, Report } from './types.ts';

export type { BlockPartial, CarriedState } from './analyzer.ts';

/** Options of a block: line numbering and where its detection state comes from. */
export interface BlockStart {
  /** Lines before the block. */
  firstLine: number;
  /** The state the previous block ended in, when known; else `warmup` is read for it. */
  state?: CarriedState;
  /** The last lines before the block (whole lines), read only for the state they leave. */
  warmup?: string;
}

/** An Analyzer for one block: feed it with push(), then finishBlock(). */
export function blockAnalyzer(options: AnalyzeOptions, start: BlockStart): Analyzer {
  const a = new Analyzer({ ...options, firstLine: start.firstLine });
  const state = start.state ?? (start.warmup ? warmState(options, start.warmup) : undefined);
  if (state) a.resume(state);
  return a;
}

/** The detection state some lines leave behind. */
export function warmState(options: AnalyzeOptions, text: string): CarriedState {
  const w = new Analyzer({ catalog: options.catalog });
  w.push(text);
  return w.finishBlock().end;
}

/** Whether a block that started in `started` must be read again because its previous block ended in `previousEnd`. */
export function resumesFrom(started: CarriedState, previousEnd: CarriedState): boolean {
  return JSON.stringify(started) !== JSON.stringify(previousEnd);
}

/** The report of blocks absorbed in order (each block's start already checked with `resumesFrom`). */
export function mergeBlocks(options: AnalyzeOptions, blocks: Iterable<BlockPartial>): Report {
  const a = new Analyzer({ catalog: options.catalog });
  for (const b of blocks) a.absorb(b);
  return a.end();
}

/** Where the block boundaries of `text` fall: every `size` characters, moved forward to just after a newline. */
export function blockBounds(text: string, size: number): number[] {
  const bounds = [0];
  for (let at = size; at < text.length; ) {
    const nl = text.indexOf('\n', at - 1);
    if (nl === -1 || nl + 1 >= text.length) break;
    if (nl + 1 > bounds[bounds.length - 1]!) bounds.push(nl + 1);
    at = nl + 1 + size;
  }
  bounds.push(text.length);
  return bounds;
}

/** The whole lines among the last `chars` characters before `at`. */
export function warmupBefore(text: string, at: number, chars: number): string {
  if (at === 0) return '';
  const from = Math.max(0, at - chars);
  const cut = from === 0 ? 0 : text.indexOf('\n', from - 1) + 1;
  return cut <= 0 || cut >= at ? (from === 0 ? text.slice(0, at) : '') : text.slice(cut, at);
}

/**
 * The block protocol over a string, one block after another: what the CLI's
 * worker threads do over a file. The report equals the one of any number of
 * threads reading the same blocks.
 */
export function analyzeInBlocks(text: string, options: AnalyzeOptions, size: number, warmChars: number): Report {
  const bounds = blockBounds(text, size);
  const merged = new Analyzer({ catalog: options.catalog });
  let last: BlockPartial | undefined;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const body = text.slice(bounds[k], bounds[k + 1]);
    const firstLine = last?.lineNo ?? 0;
    // Each block keeps none of what the blocks before it filled, as the CLI's workers do.
    const saturated = merged.saturation();
    const read = (start: BlockStart): BlockPartial => {
      const a = blockAnalyzer({ ...options, saturated }, start);
      a.push(body);
      return a.finishBlock();
    };
    let p = read(k === 0 ? { firstLine } : { firstLine, warmup: warmupBefore(text, bounds[k]!, warmChars) });
    if (last && resumesFrom(p.start, last.end)) p = read({ firstLine, state: last.end });
    merged.absorb(p);
    last = p;
  }
  return merged.end();
}
