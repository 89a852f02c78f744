/**
 * One worker for the page's lifetime, driven through Comlink. Each analysis
 * gets a run id; starting a new one cancels the previous run in the worker.
 */
import * as Comlink from 'comlink';
import type { AnalyzerWorker, Progress } from '../../../worker/analyzer.worker.ts';
import type { Report } from '../../../analyzer/types.ts';
import type { RedactedExport, RedactionKind } from '../../../share/redact.ts';
import type { LineAnatomy } from '../../../analyzer/anatomy.ts';

export type Input = { kind: 'text'; text: string } | { kind: 'file'; file: File };

let remote: Comlink.Remote<AnalyzerWorker> | undefined;
let lastRun = 0;

function worker(): Comlink.Remote<AnalyzerWorker> {
  remote ??= Comlink.wrap<AnalyzerWorker>(
    new Worker(new URL('../../../worker/analyzer.worker.ts', import.meta.url), { type: 'module', name: 'badgateway-analyzer' }),
  );
  return remote;
}

export function warm(): void {
  worker().warm().catch(() => undefined);
}

/** Resolves with the Report, or null when a newer run (or cancel()) superseded this one. `threads`: see analyzeFile(). */
export async function analyze(input: Input, threads: number | undefined, onProgress: (p: Progress) => void): Promise<Report | null> {
  const w = worker();
  if (lastRun) await w.cancel(lastRun);
  const runId = ++lastRun;
  const progress = Comlink.proxy((p: Progress) => {
    if (runId === lastRun) onProgress(p);
  });
  const report = input.kind === 'text' ? await w.analyzeText(runId, input.text, progress) : await w.analyzeFile(runId, input.file, progress, threads);
  return runId === lastRun ? report : null;
}

export async function cancel(): Promise<void> {
  if (!lastRun) return;
  const run = lastRun;
  lastRun++;
  await worker().cancel(run);
}

/** The input of a share link, decoded in the worker; rejects with the link's problem in plain words. */
export async function readShare(hash: string): Promise<string | null> {
  return worker().readShare(hash);
}

/** One redaction for every export, done in the worker. */
export async function redactForExport(input: string | null, report: Report, kinds: RedactionKind[], keepHosts: string[]): Promise<RedactedExport> {
  return worker().redactExport(input, report, kinds, keepHosts);
}

/** The fields of one line (a separate call: it never disturbs a running analysis). */
export function explain(text: string): Promise<LineAnatomy> {
  return worker().explainLine(text);
}
