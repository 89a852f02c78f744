/**
 * A dropped file as text chunks for the worker: gzip (by its magic bytes) is
 * decompressed with DecompressionStream, UTF-16 with a BOM is decoded as such.
 * Browser APIs only (Blob, streams, TextDecoder), so Node runs its tests too.
 */
import { isGzip, utf16Bom } from '../lib/file-magic.ts';

/**
 * A dropped file's bytes: gunzipped when it starts with gzip's magic bytes
 * (rotated logs are error.log.1.gz); `read` counts the file's own bytes for progress.
 */
export async function fileBytes(file: Blob, read: { bytes: number }): Promise<{ stream: ReadableStream<Uint8Array>; head: Uint8Array }> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(c, ctl) {
        read.bytes += c.byteLength;
        ctl.enqueue(c);
      },
    }),
  );
  if (isGzip(head)) return { stream: counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>), head };
  return { stream: counted, head };
}

export async function* fileChunks(file: Blob): AsyncIterable<{ text: string; bytes: number }> {
  const read = { bytes: 0 };
  let reported = 0;
  const { stream, head } = await fileBytes(file, read);
  // UTF-16 with a byte-order mark (Windows); otherwise UTF-8, invalid bytes as U+FFFD: logs are often mixed encodings.
  const label = utf16Bom(head) ?? 'utf-8';
  const decoder = new TextDecoder(label, { fatal: false });
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield { text: decoder.decode(value, { stream: true }), bytes: read.bytes - reported };
    reported = read.bytes;
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytes: 0 };
}
