/** A FILE argument or "-" → a byte stream, with its size when it has one. */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './decode.ts';

export interface ByteSource {
  /** The path as given, or "standard input". */
  name: string;
  /** Bytes on disk (0 for standard input). */
  size: number;
  bytes: AsyncIterable<Uint8Array | string>;
}

export function openSource(file: string, stdin: Readable): ByteSource {
  if (file === '-') return { name: 'standard input', size: 0, bytes: stdin };
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new Error('is a directory');
    size = st.size;
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  // Permission errors surface on the first read; name the file in the message.
  const bytes = (async function* () {
    try {
      for await (const c of stream) yield c as Uint8Array;
    } catch (e) {
      throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
    }
  })();
  return { name: file, size, bytes };
}
