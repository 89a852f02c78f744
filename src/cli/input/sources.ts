/** A FILE argument or "-" → a byte stream, with its size when it has one. */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { InputError } from './decode.ts';

/**
 * 64 KiB: each chunk is a fresh buffer (a consumer may keep it while it
 * decompresses or merges), and buffers and strings this small die young in V8's
 * scavenges; 1 MiB ones go to large-object space and pile up in the C heap
 * until a full GC, so peak memory grew with the file.
 */
const CHUNK = 1 << 16;

export interface ByteSource {
  /** The path as given, or "standard input". */
  name: string;
  /** Bytes on disk (0 for standard input). */
  size: number;
  bytes: AsyncIterable<Uint8Array | string>;
}

/** The first `n` bytes of a file (fewer if it is shorter); throws as fs does. */
export function fileHead(file: string, n: number): Uint8Array {
  const head = new Uint8Array(n);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, n, 0));
  } finally {
    closeSync(fd);
  }
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
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
  // Plain synchronous reads: a log file is read start to end, and this is cheaper than a stream.
  const bytes = (async function* () {
    try {
      for (;;) {
        const buf = new Uint8Array(CHUNK);
        const n = readSync(fd, buf, 0, CHUNK, null);
        if (n === 0) return;
        yield n === CHUNK ? buf : buf.subarray(0, n);
      }
    } catch (e) {
      throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
    } finally {
      closeSync(fd);
    }
  })();
  return { name: file, size, bytes };
}
