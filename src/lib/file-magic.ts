/**
 * What a file's first bytes say about how to read it, for the CLI and the
 * analyzer page alike (no platform API): gzip by its magic bytes, UTF-16 by
 * its byte-order mark.
 */
export const isGzip = (head: Uint8Array): boolean => head[0] === 0x1f && head[1] === 0x8b;

/** The UTF-16 encoding a byte-order mark names, if the bytes start with one. */
export function utf16Bom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}
