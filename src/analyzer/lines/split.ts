/**
 * Splits a stream of text chunks into lines. A line may arrive across many
 * chunks; the tail is carried over. Over-long lines are cut to MAX_LINE_KEEP
 * characters (the rest is counted, not kept) so one 10 MB line cannot blow up
 * memory or regex time.
 */
import { MAX_LINE_KEEP } from '../limits.ts';

export type LineSink = (text: string, fullLength: number) => void;

export class LineSplitter {
  private carry = '';
  /** Characters of the current line already dropped because it was too long. */
  private dropped = 0;
  private readonly sink: LineSink;

  constructor(sink: LineSink) {
    this.sink = sink;
  }

  push(chunk: string): void {
    let start = 0;
    const len = chunk.length;
    while (start < len) {
      const nl = chunk.indexOf('\n', start);
      if (nl === -1) {
        this.keep(chunk, start, len);
        return;
      }
      if (this.carry === '' && this.dropped === 0) {
        // Fast path: the whole line is inside this chunk.
        const lineLen = nl - start;
        if (lineLen <= MAX_LINE_KEEP) {
          const end = lineLen > 0 && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          this.sink(chunk.slice(start, end), end - start);
        } else {
          this.sink(chunk.slice(start, start + MAX_LINE_KEEP), lineLen);
        }
      } else {
        this.keep(chunk, start, nl);
        this.flushLine();
      }
      start = nl + 1;
    }
  }

  /** Whether part of a line is waiting for the rest of it. */
  get carrying(): boolean {
    return this.carry !== '' || this.dropped !== 0;
  }

  /** Emits the last line if the input did not end with a newline. */
  end(): void {
    if (this.carry !== '' || this.dropped !== 0) this.flushLine();
  }

  private keep(chunk: string, from: number, to: number): void {
    const room = MAX_LINE_KEEP - this.carry.length;
    const n = to - from;
    if (n <= room) {
      this.carry += chunk.slice(from, to);
    } else {
      if (room > 0) this.carry += chunk.slice(from, from + room);
      this.dropped += n - Math.max(room, 0);
    }
  }

  private flushLine(): void {
    let text = this.carry;
    let full = text.length + this.dropped;
    if (this.dropped === 0 && text.endsWith('\r')) {
      text = text.slice(0, -1);
      full -= 1;
    }
    this.carry = '';
    this.dropped = 0;
    this.sink(text, full);
  }
}
