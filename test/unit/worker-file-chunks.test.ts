/** Dropped files in the browser worker: gzip and UTF-16 (BOM) are read, plain UTF-8 as before. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileChunks } from '../../src/worker/file-chunks.ts';

async function read(blob: Blob): Promise<{ text: string; bytes: number }> {
  let text = '';
  let bytes = 0;
  for await (const c of fileChunks(blob)) {
    text += c.text;
    bytes += c.bytes;
  }
  return { text, bytes };
}

// Real line from the lab (src/data/lab-record.json, s01).
const LINE = '2026/11/23 02:17:07 [error] 26962#26962: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1\n';

describe('worker file reading', () => {
  it('gunzips a dropped .gz and counts its compressed bytes for progress', async () => {
    const gz = gzipSync(LINE.repeat(50));
    const r = await read(new Blob([gz]));
    expect(r.text).toBe(LINE.repeat(50));
    expect(r.bytes).toBe(gz.length);
  });
  it('decodes UTF-16 with a byte-order mark', async () => {
    expect((await read(new Blob([Buffer.from([0xff, 0xfe]), Buffer.from(LINE, 'utf16le')]))).text).toBe(LINE);
    expect((await read(new Blob([Buffer.from([0xfe, 0xff]), Buffer.from(LINE, 'utf16le').swap16()]))).text).toBe(LINE);
  });
  it('reads UTF-8 as it is', async () => {
    expect(await read(new Blob([LINE]))).toEqual({ text: LINE, bytes: Buffer.byteLength(LINE) });
  });
});
