/**
 * The analyzer's Web Worker: a thin Comlink shell over the engine. It reads
 * dropped files itself (File.stream()), so the main thread never touches the
 * bytes; it only receives progress and the final Report.
 */
import * as Comlink from 'comlink';
import { Analyzer } from '../analyzer/index.ts';
import { explainLine, type LineAnatomy } from '../analyzer/anatomy.ts';
import type { Catalog, Report } from '../analyzer/types.ts';
import { readPermalink } from '../share/permalink.ts';
import { redactExport, type RedactedExport, type RedactionKind } from '../share/redact.ts';
import { lockNetwork } from './lockdown.ts';
import { fileChunks } from './file-chunks.ts';

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
