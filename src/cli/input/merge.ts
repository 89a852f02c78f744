/**
 * Several sources → one stream of lines in time order (`error.log.2.gz`,
 * `error.log.1`, `error.log`, an access log beside them), optionally from a
 * time on (`--since`). A line without a time (a wrapped continuation, a config
 * line) goes with the line before it in its source; lines before a source's
 * first time come first. Equal times keep the order the sources were given.
 */
import type { SourceLine } from './lines.ts';

export interface MergedLine extends SourceLine {
  /** Index of the source (in the order given). */
  source: number;
  /** 1-based line number within its source. */
  sourceLine: number;
}

interface Head {
  it: AsyncIterator<SourceLine>;
  line: SourceLine | null;
  lineNo: number;
  /** Time of the head line, or of the last timed line before it. */
  time: number;
}

export interface MergeOptions {
  /** Epoch ms: drop lines (with their time-less followers) logged before it. */
  since?: number;
  timeOf: (text: string) => number | undefined;
  /** Called for each dropped line that had a time of its own. */
  onDropped?: () => void;
}

export async function* mergeByTime(sources: AsyncIterable<SourceLine>[], opts: MergeOptions): AsyncGenerator<MergedLine> {
  const heads: Head[] = sources.map((s) => ({ it: s[Symbol.asyncIterator](), line: null, lineNo: 0, time: -Infinity }));
  let carried = 0;
  const advance = async (h: Head): Promise<void> => {
    const r = await h.it.next();
    if (r.done) {
      h.line = null;
      return;
    }
    h.line = r.value;
    h.lineNo++;
    const t = opts.timeOf(r.value.text);
    if (t !== undefined) h.time = t;
  };
  await Promise.all(heads.map(advance));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i]!;
      if (h.line !== null && (best === -1 || h.time < heads[best]!.time)) best = i;
    }
    if (best === -1) return;
    const h = heads[best]!;
    const line = h.line!;
    if (opts.since !== undefined && h.time < opts.since && h.time !== -Infinity) {
      if (opts.timeOf(line.text) !== undefined) opts.onDropped?.();
      carried += line.bytes;
    } else {
      yield { text: line.text, bytes: line.bytes + carried, source: best, sourceLine: h.lineNo };
      carried = 0;
    }
    await advance(h);
  }
}
