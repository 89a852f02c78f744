/** Newline bytes in `bytes`: a Buffer's indexOf of one byte is a native scan. */
import { Buffer } from 'node:buffer';

export function countNewlines(bytes: Uint8Array): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}
