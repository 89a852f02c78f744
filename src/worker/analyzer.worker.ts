/**
 * The analyzer's Web Worker: a thin Comlink shell over the engine. It reads
 * dropped files itself (File.stream()), so the main thread never touches the
 * bytes; it only receives progress and the final Report.
 */
import * as Comlink from 'comlink';
import { Analyzer } from '../analyzer/index.ts';
import { explainLine, type LineAnatomy } from '../analyzer/anatomy.ts';
import type { Catalog, Report } from '../analyzer/types.ts';

export interface Progress {
  bytes: number;
  total: number;
}

export type ProgressCallback = (p: Progress) => void;

const CATALOG_URL = '/api/catalog.json';
const PROGRESS_EVERY_MS = 100;

let catalogPromise: Promise<Catalog> | undefined;
/** The run the worker is working on; a newer start() makes older runs stop at their next chunk. */
let currentRun = 0;

function catalog(): Promise<Catalog> {
  catalogPromise ??= fetch(CATALOG_URL).then((r) => {
    if (!r.ok) throw new Error(`could not load the analyzer catalog (${r.status})`);
    return r.json() as Promise<Catalog>;
  });
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
  currentRun = runId;
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

async function* textChunks(text: string, size = 1 << 20): AsyncIterable<Chunk> {
  for (let i = 0; i < text.length; i += size) {
    const piece = text.slice(i, i + size);
    yield { text: piece, bytes: piece.length };
  }
}

async function* fileChunks(file: Blob): AsyncIterable<Chunk> {
  // Invalid UTF-8 becomes U+FFFD rather than an error: logs are often mixed encodings.
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield { text: decoder.decode(value, { stream: true }), bytes: value.byteLength };
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytes: 0 };
}

const api = {
  /** Loads the catalog ahead of the first input so the first analysis is instant. */
  async warm(): Promise<number> {
    return (await catalog()).causes.length;
  },
  async analyzeText(runId: number, text: string, onProgress?: ProgressCallback): Promise<Report | null> {
    try {
      return await run(runId, textChunks(text), text.length, onProgress);
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    }
  },
  async analyzeFile(runId: number, file: Blob, onProgress?: ProgressCallback): Promise<Report | null> {
    try {
      return await run(runId, fileChunks(file), file.size, onProgress);
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    }
  },
  /** What each part of one line means (the analyzer page's per-line anatomy). */
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
