/**
 * A file read once as a stream and cut into blocks as its bytes arrive (what
 * the analyzer page does for a large dropped file): the cut equals the one
 * planned from the whole file, and blocks analysed by several threads give
 * the report of one pass, also when blocks must be read again.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../../../src/analyzer/index.ts';
import { BlockCarver, BlockTooLarge, type CarvedBlock } from '../../../src/analyzer/parallel/carve.ts';
import { planBlocks } from '../../../src/analyzer/parallel/plan.ts';
import { transferables, type FromWorker, type ToWorker } from '../../../src/analyzer/parallel/protocol.ts';
import { scheduleBlocks, type BlockStream } from '../../../src/analyzer/parallel/schedule.ts';
import { blockServer } from '../../../src/analyzer/parallel/serve.ts';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { fileBlocks } from '../../../src/worker/file-blocks.ts';
import { mixedParts } from '../../fixtures/blocks/mixed-input.ts';

const catalog = loadCatalog(fileURLToPath(new URL('../../../content', import.meta.url)));
const enc = new TextEncoder();

/** Cuts `bytes` fed in chunks of `chunk` bytes. */
function carve(bytes: Uint8Array, chunk: number, blockBytes: number, warmup: number, maxBlock = Infinity): CarvedBlock[] {
  const c = new BlockCarver(blockBytes, warmup, maxBlock);
  const out: CarvedBlock[] = [];
  for (let o = 0; o < bytes.length; o += chunk) out.push(...c.push(bytes.subarray(o, o + chunk)));
  out.push(c.end());
  return out;
}

const newlines = (b: Uint8Array) => b.reduce((n, x) => n + (x === 10 ? 1 : 0), 0);

/** A deterministic file of lines of varied length (some longer than a block), with or without a final newline. */
function linesFile(seed: number, size: number, finalNewline: boolean): Uint8Array {
  let x = seed;
  const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648), x % n);
  const parts: string[] = [];
  let len = 0;
  while (len < size) {
    const l = rnd(10) === 0 ? rnd(3000) : rnd(120);
    const line = 'é'.repeat(l % 7) + 'x'.repeat(l) + '\n';
    parts.push(line);
    len += line.length;
  }
  const s = parts.join('');
  return enc.encode(finalNewline ? s : s.slice(0, -1));
}

describe('a file cut into blocks as it streams in', () => {
  it('is cut where the planned cut is, with each block’s bytes and lines', async () => {
    for (const [seed, size, final] of [
      [1, 50_000, true],
      [2, 50_000, false],
      [3, 3000, true],
      [4, 1, false],
      [5, 0, false],
    ] as const) {
      const bytes = linesFile(seed, size, final);
      for (const [blockBytes, warmup] of [
        [1000, 300],
        [4096, 5000],
        [97, 0],
        [1 << 20, 64 << 10],
      ] as const) {
        const planned = await planBlocks(bytes.length, (a, b) => bytes.subarray(a, b), blockBytes, warmup);
        for (const chunk of [1, 7, 1000, 65_536]) {
          if (chunk === 1 && bytes.length > 5000) continue;
          const carved = carve(bytes, chunk, blockBytes, warmup);
          const what = `seed ${seed}, blocks of ${blockBytes}, warm-up ${warmup}, chunks of ${chunk}`;
          expect(carved.map((c) => c.block), what).toEqual(planned);
          for (const c of carved) {
            expect(Array.from(c.bytes), what).toEqual(Array.from(bytes.subarray(c.block.warmFrom, c.block.end)));
            expect(c.bytes.buffer.byteLength, 'a buffer of its own').toBe(c.bytes.length);
          }
          const lines = carved.reduce((n, c) => n + c.lines, 0);
          expect(lines, what).toBe(newlines(bytes) + (bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? 1 : 0));
        }
      }
    }
  });

  it('stops when a block outgrows its bound (a file without newlines)', () => {
    const c = new BlockCarver(1000, 100, 4000);
    expect(() => {
      for (let i = 0; i < 10; i++) c.push(new Uint8Array(1000).fill(120));
    }).toThrow(BlockTooLarge);
  });

  it('reads a gzip file’s text, as one thread would', async () => {
    const text = mixedParts(300).join('');
    const gz = await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    const source = await fileBlocks(new Blob([gz]), new BlockCarver(4096, 1024));
    const blocks: CarvedBlock[] = [];
    for (let c = await source.pull(); c; c = await source.pull()) {
      blocks.push(c);
      expect(c.last, `block ${c.block.index}`).toBe(c.block.end === enc.encode(text).length);
    }
    expect(blocks.length).toBeGreaterThan(10);
    expect(new TextDecoder().decode(concat(blocks.map((c) => c.bytes.subarray(c.block.start - c.block.warmFrom))))).toBe(text);
    expect(source.readAt(blocks.length - 1)).toBe(gz.byteLength);
  });
});

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * Threads in this one: each message is cloned with its buffers transferred (a
 * sender that used bytes it gave away would see them empty) and delivered
 * later, in order, as a worker's would be.
 */
/** A message as it was sent (its bytes are gone once transferred). */
type Sent = ToWorker & { sentBytes?: number };

function inThreadPorts(n: number, sent: Sent[]) {
  let receive: (i: number, m: FromWorker) => void = () => undefined;
  const deliver = <T extends ToWorker | FromWorker>(m: T, to: (m: T) => void) => {
    const copy = structuredClone(m, { transfer: transferables(m) });
    setTimeout(() => to(copy), 0);
  };
  const servers = Array.from({ length: n }, (_, i) => blockServer(catalog, undefined, (m) => deliver(m, (c) => receive(i, c))));
  const ports = servers.map((handle) => ({
    post: (m: ToWorker) => {
      sent.push({ ...m, ...('bytes' in m && m.bytes ? { sentBytes: m.bytes.length } : {}) });
      deliver(m, handle);
    },
    terminate: () => undefined,
  }));
  return { ports, onReceive: (r: typeof receive) => (receive = r) };
}

function pullFrom(text: string, blockBytes: number, warmup: number): BlockStream {
  const carved = carve(enc.encode(text), 65_536, blockBytes, warmup);
  return async () => {
    const c = carved.shift();
    return c ? { ...c, last: carved.length === 0 } : null;
  };
}

describe('blocks pulled from a stream and analysed by several threads', () => {
  const text = mixedParts(3000).join('');
  const one = new Analyzer({ catalog });
  one.push(text, enc.encode(text).length);
  const whole = JSON.stringify(one.end());

  for (const threads of [1, 2, 3]) {
    it(`give the one-pass report with ${threads} thread(s)`, async () => {
      const sent: Sent[] = [];
      const { ports, onReceive } = inThreadPorts(threads, sent);
      const s = scheduleBlocks({ blocks: pullFrom(text, 16_384, 4096), catalog, ports });
      onReceive(s.receive);
      expect(JSON.stringify(await s.report)).toBe(whole);
      expect(sent.filter((m) => m.type === 'block').length).toBeGreaterThan(20);
    });
  }

  it('read a block again from the state the previous one ended in, with the bytes it came with', async () => {
    // No warm-up: blocks cut inside a config paste start in the wrong state.
    const sent: Sent[] = [];
    const { ports, onReceive } = inThreadPorts(2, sent);
    const s = scheduleBlocks({ blocks: pullFrom(text, 2000, 0), catalog, ports });
    onReceive(s.receive);
    expect(JSON.stringify(await s.report)).toBe(whole);
    const again = sent.filter((m): m is Sent & { type: 'again' } => m.type === 'again');
    expect(again.length).toBeGreaterThan(3);
    for (const m of again) expect(m.sentBytes).toBe(m.block.end - m.block.warmFrom);
  });

  it('pull no further ahead than the threads have room for (two blocks each)', async () => {
    const { ports, onReceive } = inThreadPorts(2, []);
    let pulled = 0;
    let returned = 0;
    let most = 0;
    const inner = pullFrom(text, 16_384, 4096);
    const s = scheduleBlocks({
      blocks: async () => {
        most = Math.max(most, ++pulled - returned);
        return inner();
      },
      catalog,
      ports,
    });
    onReceive((i, m) => {
      if (m.type === 'partial') returned++;
      s.receive(i, m);
    });
    await s.report;
    expect(pulled).toBeGreaterThan(20);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('fails with the stream’s own error', async () => {
    const { ports, onReceive } = inThreadPorts(2, []);
    let n = 0;
    const s = scheduleBlocks({
      blocks: async () => {
        if (n++ === 3) throw new BlockTooLarge('too large');
        return { ...carve(enc.encode(text), 65_536, 16_384, 4096)[n - 1]!, last: false };
      },
      catalog,
      ports,
    });
    onReceive(s.receive);
    await expect(s.report).rejects.toBeInstanceOf(BlockTooLarge);
  });
});
