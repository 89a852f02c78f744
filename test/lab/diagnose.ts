/**
 * Runs the real engine (src/analyzer/index.ts) with the real catalog
 * (content/causes via src/catalog/from-disk.ts) on a scenario's captured
 * lines. While the engine or an article is missing, the diagnosis fails with
 * the reason; the reproduction does not depend on it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog, Report } from '../../src/analyzer/types.ts';

export interface Diagnosis {
  /** Cause slugs of the findings, in report order (top first). */
  causes: string[];
  /** Set when the engine could not be run at all. */
  error?: string;
}

export interface Diagnoser {
  /** Null when the engine is usable; otherwise why not. */
  unavailable: string | null;
  /** Slugs that have an article (and so can be named by the engine). */
  known: Set<string>;
  diagnose(text: string): Promise<Diagnosis>;
}

type AnalyzeFn = (input: string, options: { catalog: Catalog }) => Report | Promise<Report>;

interface EngineModule {
  analyze?: AnalyzeFn;
  Analyzer?: new (options: { catalog: Catalog }) => {
    push?(chunk: string): unknown;
    write?(chunk: string): unknown;
    finish?(): Report | Promise<Report>;
    end?(): Report | Promise<Report>;
    report?(): Report | Promise<Report>;
  };
}

export async function loadDiagnoser(root: string): Promise<Diagnoser> {
  const none = (why: string): Diagnoser => ({ unavailable: why, known: new Set(), diagnose: async () => ({ causes: [], error: why }) });
  const engineFile = join(root, 'src', 'analyzer', 'index.ts');
  if (!existsSync(engineFile)) return none('src/analyzer/index.ts does not exist yet');
  let catalog: Catalog;
  try {
    const disk = (await import(pathToFileURL(join(root, 'src', 'catalog', 'from-disk.ts')).href)) as { loadCatalog(dir: string): Catalog };
    catalog = disk.loadCatalog(join(root, 'content'));
  } catch (e) {
    return none(`catalog did not load: ${firstLine(e)}`);
  }
  let engine: EngineModule;
  try {
    engine = (await import(pathToFileURL(engineFile).href)) as EngineModule;
  } catch (e) {
    return none(`engine did not load: ${firstLine(e)}`);
  }
  const run = async (text: string): Promise<Report> => {
    if (typeof engine.analyze === 'function') return await engine.analyze(text, { catalog });
    if (typeof engine.Analyzer === 'function') {
      const a = new engine.Analyzer({ catalog });
      if (a.push) a.push(text);
      else if (a.write) a.write(text);
      const done = a.finish ?? a.end ?? a.report;
      if (done) return await done.call(a);
    }
    throw new Error('src/analyzer/index.ts exports neither analyze() nor a usable Analyzer');
  };
  return {
    unavailable: null,
    known: new Set(catalog.causes.map((c) => c.id)),
    async diagnose(text) {
      try {
        const report = await run(text);
        // A finding names its cause; an unclassified finding only points to the closest article (not a diagnosis);
        // lines named harmless count when they link the scenario's article (a client giving up is harmless, see client-closed-request).
        const found = report.findings.filter((f) => !(f as { unclassified?: boolean }).unclassified).map((f) => f.cause);
        const harmless = ((report as { harmless?: { cause?: string }[] }).harmless ?? []).flatMap((h) => (h.cause ? [h.cause] : []));
        return { causes: [...found, ...harmless] };
      } catch (e) {
        return { causes: [], error: `engine failed: ${firstLine(e)}` };
      }
    },
  };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
