/**
 * The analyzer's Web Worker: a thin Comlink shell over the engine. It reads
 * dropped files itself (File.stream()), so the main thread never touches the
 * bytes; it only receives progress and the final Report. A large file is cut
 * into blocks as it is read and analysed by block workers, where that pays
 * (threads.ts).
 */
import * as Comlink from 'comlink';
import { Analyzer } from '../analyzer/index.ts';
import { explainLine, type LineAnatomy } from '../analyzer/anatomy.ts';
import type { Catalog, Report } from '../analyzer/types.ts';
import { readPermalink } from '../share/permalink.ts';
import { redactExport, type RedactedExport, type RedactionKind } from '../share/redact.ts';
import { lockNetwork } from './lockdown.ts';
import { fileChunks } from './file-chunks.ts';
import { isGzip, utf16Bom } from '../lib/file-magic.ts';
import { fileBlocks } from './file-blocks.ts';
import { blockWorkers } from './threads.ts';
import { BlockTooLarge } from '../analyzer/parallel/carve.ts';
import { scheduleBlocks, ThreadsFailed } from '../analyzer/parallel/schedule.ts';
import { transferables, type FromWorker } from '../analyzer/parallel/protocol.ts';
import type { BlockWorkerStart } from './block.worker.ts';

export interface Progress {
  bytes: number;
  total: number;
}

export type ProgressCallback = (p: Progress) => void;

const CATALOG_URL = '/api/catalog.json';
const PROGRESS_EVERY_MS = 100;

let catalogPromise: Promise<Catalog> | undefined;
/** The run the worker is working on, set as a run is asked for: a newer one makes older runs stop at their next chunk or block. */
let currentRun = 0;

/** The catalog is the worker's one request; the network is taken away right after it. */
function catalog(): Promise<Catalog> {
  catalogPromise ??= fetch(CATALOG_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`could not load the analyzer catalog (${r.status})`);
      return r.json() as Promise<Catalog>;
    })
    .finally(() => lockNetwork());
  return catalogPromise;
}

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** A piece of input and how many bytes of the source it used. */
interface Chunk {
  text: string;
  bytes: number;
}

async function run(runId: number, chunks: AsyncIterable<Chunk>, total: number, onProgress?: ProgressCallback): Promise<Report> {
  const analyzer = new Analyzer({ catalog: await catalog() });
  let bytes = 0;
  let lastReport = 0;
  for await (const chunk of chunks) {
    if (runId !== currentRun) throw new Cancelled();
    analyzer.push(chunk.text);
    bytes += chunk.bytes;
    const now = performance.now();
    if (onProgress && now - lastReport > PROGRESS_EVERY_MS) {
      lastReport = now;
      onProgress({ bytes: Math.min(bytes, total), total });
      // Yield so a cancel() message can be handled between chunks.
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  if (runId !== currentRun) throw new Cancelled();
  onProgress?.({ bytes: total, total });
  return analyzer.end();
}

/**
 * The text size of a file: a gzip file says it in its last four bytes (ISIZE:
 * the last member's size modulo 4 GiB, so a hint, never less than the file).
 */
async function textSize(file: Blob, gzip: boolean): Promise<number> {
  if (!gzip || file.size < 18) return file.size;
  const tail = new DataView(await file.slice(file.size - 4).arrayBuffer());
  return Math.max(file.size, tail.getUint32(0, true));
}

/**
 * A large file (plain or gzip; UTF-16 has no newline byte to cut at) read in
 * blocks by block workers (as many as threads.ts says) with the CLI's protocol
 * (src/analyzer/parallel/): the report equals one pass. Null when the file is
 * better read in one thread: one core, a small file, lines too long to cut
 * into blocks, or block workers that failed.
 */
async function runInBlocks(runId: number, file: Blob, onProgress?: ProgressCallback, threads?: number): Promise<Report | null> {
  if (threads === 1 || (threads === undefined && (navigator.hardwareConcurrency || 1) < 2)) return null;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzip = isGzip(head);
  const n = utf16Bom(head) ? 0 : blockWorkers(await textSize(file, gzip), navigator.hardwareConcurrency || 1, threads);
  if (n === 0) return null;
  const cat = await catalog();
  if (runId !== currentRun) throw new Cancelled();
  const source = await fileBlocks(file);
  const workers = Array.from({ length: n }, () => new Worker(new URL('./block.worker.ts', import.meta.url), { type: 'module', name: 'badgateway-blocks' }));
  const start: BlockWorkerStart = { catalog: cat };
  for (const w of workers) w.postMessage(start);
  let absorbed = 0;
  const schedule = scheduleBlocks({
    blocks: source.pull,
    catalog: cat,
    ports: workers.map((w) => ({ post: (m) => w.postMessage(m, transferables(m)), terminate: () => w.terminate() })),
    onProgress: () => {
      if (runId !== currentRun) schedule.fail('cancelled', false);
      else onProgress?.({ bytes: Math.min(source.readAt(absorbed++), file.size), total: file.size });
    },
  });
  workers.forEach((w, i) => {
    w.onmessage = (e: MessageEvent) => schedule.receive(i, e.data as FromWorker);
    w.onerror = (e) => {
      e.preventDefault();
      schedule.fail(e.message || 'a block worker could not start', true);
    };
  });
  try {
    const report = await schedule.report;
    onProgress?.({ bytes: file.size, total: file.size });
    return report;
  } catch (e) {
    if (runId !== currentRun) throw new Cancelled();
    if (e instanceof ThreadsFailed || e instanceof BlockTooLarge) return null;
    throw e;
  } finally {
    source.cancel();
  }
}

async function* textChunks(text: string, size = 1 << 20): AsyncIterable<Chunk> {
  for (let i = 0; i < text.length; i += size) {
    const piece = text.slice(i, i + size);
    yield { text: piece, bytes: piece.length };
  }
}

const api = {
  /** Loads the catalog ahead of the first input so the first analysis is instant. */
  async warm(): Promise<number> {
    return (await catalog()).causes.length;
  },
  async analyzeText(runId: number, text: string, onProgress?: ProgressCallback): Promise<Report | null> {
    currentRun = runId;
    try {
      return await run(runId, textChunks(text), text.length, onProgress);
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    }
  },
  /** `threads`: how many threads to read the file with (1: this worker alone); by default decided by the file's size and the cores. */
  async analyzeFile(runId: number, file: Blob, onProgress?: ProgressCallback, threads?: number): Promise<Report | null> {
    currentRun = runId;
    try {
      return (await runInBlocks(runId, file, onProgress, threads)) ?? (await run(runId, fileChunks(file), file.size, onProgress));
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    }
  },
  /** Reads a share link's input (streaming, capped); rejects with a message for a bad link. */
  async readShare(hash: string): Promise<string | null> {
    await catalog().catch(() => undefined); // lock the network before touching a stranger's data
    return readPermalink(hash);
  },
  /** One redaction of the input and the report for every export (ticket, JSON, share link). */
  async redactExport(input: string | null, report: Report, kinds: RedactionKind[], keepHosts: string[]): Promise<RedactedExport> {
    await catalog().catch(() => undefined);
    return redactExport(input, report, kinds, { keepHosts });
  },
  /** One line taken apart into its fields, for the page's per-line anatomy panel. */
  async explainLine(text: string): Promise<LineAnatomy> {
    return explainLine(text, await catalog());
  },
  /** Stops the given run at its next chunk. */
  cancel(runId: number): void {
    if (currentRun === runId) currentRun = -1;
  },
};

export type AnalyzerWorker = typeof api;
Comlink.expose(api);
