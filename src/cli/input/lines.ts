/** Text chunks → lines (without their "\n"; a "\r" stays for the engine to strip). */
import type { TextChunk } from './decode.ts';

export interface SourceLine {
  text: string;
  /** Bytes read from the source since the previous line, for progress. */
  bytes: number;
}

/**
 * A line longer than this keeps only its start (the engine reads only the
 * first part of an over-long line anyway), so a file without newlines cannot
 * fill the memory.
 */
export const MAX_LINE_CHARS = 16 << 20;

export async function* splitLines(chunks: AsyncIterable<TextChunk>): AsyncGenerator<SourceLine> {
  let pending = '';
  let bytes = 0;
  const append = (s: string): void => {
    if (pending.length < MAX_LINE_CHARS) pending += s.length > MAX_LINE_CHARS - pending.length ? s.slice(0, MAX_LINE_CHARS - pending.length) : s;
  };
  for await (const c of chunks) {
    bytes += c.bytes;
    let start = 0;
    let nl = c.text.indexOf('\n');
    if (nl === -1) {
      append(c.text);
      continue;
    }
    while (nl !== -1) {
      let text: string;
      if (start === 0) {
        append(c.text.slice(0, nl));
        text = pending;
      } else text = c.text.slice(start, nl);
      pending = '';
      yield { text, bytes };
      bytes = 0;
      start = nl + 1;
      nl = c.text.indexOf('\n', start);
    }
    append(c.text.slice(start));
  }
  if (pending !== '' || bytes > 0) yield { text: pending, bytes };
}
