/** Text chunks → lines (without their "\n"; a "\r" stays for the engine to strip). */
import type { TextChunk } from './decode.ts';

export interface SourceLine {
  text: string;
  /** Bytes read from the source since the previous line, for progress. */
  bytes: number;
}

export async function* splitLines(chunks: AsyncIterable<TextChunk>): AsyncGenerator<SourceLine> {
  let pending = '';
  let bytes = 0;
  for await (const c of chunks) {
    bytes += c.bytes;
    let start = 0;
    let nl = c.text.indexOf('\n');
    if (nl === -1) {
      pending += c.text;
      continue;
    }
    while (nl !== -1) {
      const text = start === 0 ? pending + c.text.slice(0, nl) : c.text.slice(start, nl);
      pending = '';
      yield { text, bytes };
      bytes = 0;
      start = nl + 1;
      nl = c.text.indexOf('\n', start);
    }
    pending = c.text.slice(start);
  }
  if (pending !== '' || bytes > 0) yield { text: pending, bytes };
}
