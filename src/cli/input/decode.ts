/**
 * Raw bytes → text, as logs lie on disk: gzip is decompressed (by its magic
 * bytes, not its name: rotated logs are `error.log.2.gz`, and `zcat` output
 * piped in is plain), UTF-16 (Windows) is decoded with or without a byte-order
 * mark, everything else is UTF-8 with invalid bytes as U+FFFD. Other
 * compressors are named so the message says what to run.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { isGzip, utf16Bom } from '../../lib/file-magic.ts';

export class InputError extends Error {}

export interface TextChunk {
  text: string;
  /** Bytes read from the source for this chunk (compressed bytes for .gz), for progress. */
  bytes: number;
}

const OTHER_COMPRESSORS: [number[], string, string][] = [
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz', 'xzcat'],
  [[0x42, 0x5a, 0x68], 'bzip2', 'bzcat'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd', 'zstdcat'],
  [[0x50, 0x4b, 0x03, 0x04], 'zip', 'unzip -p'],
];

const startsWith = (b: Uint8Array, magic: number[]): boolean => b.length >= magic.length && magic.every((m, i) => b[i] === m);

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding of a text from its first bytes: a BOM, or NUL bytes on one side of most pairs. */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  const bom = utf16Bom(head);
  if (bom) return bom;
  const pairs = Math.min(head.length >> 1, 2048);
  if (pairs < 2) return 'utf-8';
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  // ASCII text in UTF-16LE has a NUL after every character; random bytes have NULs 1 time in 256.
  if (oddZero * 10 >= pairs * 7 && evenZero * 10 < pairs) return 'utf-16le';
  if (evenZero * 10 >= pairs * 7 && oddZero * 10 < pairs) return 'utf-16be';
  return 'utf-8';
}

/** Whether a file starting with `head` is read as it lies: UTF-8 (or ASCII), not compressed, not UTF-16. */
export function isPlainUtf8(head: Uint8Array): boolean {
  if (isGzip(head)) return false;
  if (OTHER_COMPRESSORS.some(([magic]) => startsWith(head, magic))) return false;
  return sniffEncoding(head) === 'utf-8';
}

/** Prepends `head` to the rest of an iterator. */
async function* chain(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head;
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield n.value;
  }
}

async function* counted(src: AsyncIterable<Uint8Array | string>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const c of src) {
    const b = typeof c === 'string' ? new TextEncoder().encode(c) : c;
    counter.bytes += b.length;
    yield b;
  }
}

/** Reads at least `min` bytes (or all there is) from an iterator. */
async function takeHead(it: AsyncIterator<Uint8Array>, min: number): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let n = 0;
  while (n < min) {
    const r = await it.next();
    if (r.done) break;
    parts.push(r.value);
    n += r.value.length;
  }
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Decoded text chunks of one source. `name` only serves messages. Throws
 * InputError for a format it cannot read (another compressor, a broken gzip).
 */
export async function* decodeText(src: AsyncIterable<Uint8Array | string>, name: string): AsyncGenerator<TextChunk> {
  const counter = { bytes: 0 };
  let reported = 0;
  const raw = counted(src, counter)[Symbol.asyncIterator]();
  const rawHead = await takeHead(raw, 8);
  if (!rawHead) return;
  let bytes: AsyncIterator<Uint8Array> = chain(rawHead, raw);
  for (const [magic, what, cmd] of OTHER_COMPRESSORS) {
    if (startsWith(rawHead, magic)) throw new InputError(`${name} is ${what}-compressed; decompress it first: ${cmd} ${name === 'standard input' ? 'FILE' : name} | badgateway analyze -`);
  }
  if (isGzip(rawHead)) {
    const gunzip = createGunzip();
    const source = Readable.from(chain(rawHead, raw));
    source.on('error', (e) => gunzip.destroy(e));
    source.pipe(gunzip);
    bytes = (gunzip as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  }
  let head: Uint8Array | null;
  try {
    head = await takeHead(bytes, 4096);
  } catch (e) {
    throw new InputError(`${name}: cannot decompress (${(e as Error).message})`);
  }
  if (!head) return;
  const decoder = new TextDecoder(sniffEncoding(head), { fatal: false });
  const emit = (b: Uint8Array, last: boolean): TextChunk => {
    const text = decoder.decode(b, { stream: !last });
    const chunk = { text, bytes: counter.bytes - reported };
    reported = counter.bytes;
    return chunk;
  };
  yield emit(head, false);
  for (;;) {
    let r: IteratorResult<Uint8Array>;
    try {
      r = await bytes.next();
    } catch (e) {
      throw new InputError(`${name}: cannot decompress (${(e as Error).message})`);
    }
    if (r.done) break;
    yield emit(r.value, false);
  }
  const tail = emit(new Uint8Array(0), true);
  if (tail.text || tail.bytes) yield tail;
}
