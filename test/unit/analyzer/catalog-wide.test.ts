/**
 * Checks against the real catalog (content/causes). These fail while an
 * article is invalid or missing — that is their job.
 */
import { describe, expect, it } from 'vitest';
import { check } from 'recheck';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { loadCauseEntries } from '../../../src/catalog/from-disk.ts';
import { analyze, CAUSES, type Catalog, type LineResult } from '../../../src/analyzer/index.ts';
import { allLiteralRuns } from '../../../src/analyzer/match/literals.ts';
import { fixtureCatalog, fixtureExamples } from '../../fixtures/engine/catalog.ts';

const CONTENT = new URL('../../../content', import.meta.url).pathname;
const real = (): Catalog => loadCatalog(CONTENT);

function claimsOwnExamples(catalog: Catalog, examples: Map<string, string[]>): string[] {
  const problems: string[] = [];
  for (const cause of catalog.causes) {
    for (const rule of [...cause.conditions, ...cause.signatures]) {
      const harmless = 'harmless' in rule && rule.harmless !== undefined;
      for (const ex of examples.get(rule.id) ?? []) {
        const lines: LineResult[] = [];
        const report = analyze(ex, { catalog, onLine: (l) => lines.push(l) });
        // A harmless condition's examples are counted as harmless and linked to its article, never a finding.
        const got = harmless ? (lines[0]?.harmless ? report.harmless[0]?.cause : `a finding (${lines[0]?.cause ?? 'nothing'})`) : lines[0]?.cause;
        if (got !== cause.id) problems.push(`${cause.id}/${rule.id}: example claimed by ${got ?? 'nothing'}: ${ex.slice(0, 140)}`);
      }
    }
  }
  return problems;
}

describe('catalog-wide (content/causes)', () => {
  it('every cause slug the engine refers to exists as an article', () => {
    const ids = new Set(real().causes.map((c) => c.id));
    const missing = Object.values(CAUSES).filter((c) => !ids.has(c));
    expect(missing, `missing articles: ${missing.join(', ')}`).toEqual([]);
  });

  it('every condition and signature example is claimed by its own cause first (through the engine)', () => {
    const entries = loadCauseEntries(CONTENT);
    const examples = new Map(entries.flatMap((e) => [...e.data.conditions, ...e.data.signatures].map((s) => [s.id, s.examples] as const)));
    expect(claimsOwnExamples(real(), examples)).toEqual([]);
  });

  it('every signature pattern is linear-time (recheck)', async () => {
    const sigs = real().causes.flatMap((c) => c.signatures.map((s) => ({ cause: c.id, sig: s })));
    // A fixed seed makes recheck's fuzzing repeatable: the same catalog gets the
    // same verdict on every run. Two at a time (two cores), so checks don't starve into time-outs.
    const results: Awaited<ReturnType<typeof check>>[] = new Array(sigs.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < sigs.length; i = next++) results[i] = await check(sigs[i]!.sig.pattern, '', { timeout: 10_000, randomSeed: 42 });
    };
    await Promise.all([lane(), lane()]);
    const vulnerable = results.flatMap((r, i) => {
      const name = `${sigs[i]!.sig.id} (${sigs[i]!.cause})`;
      if (r.status === 'vulnerable') return [`${name}: ${r.complexity.summary}, attack ${JSON.stringify(r.attack.string.slice(0, 60))}`];
      if (r.status === 'unknown') return [`${name}: could not be proven linear (${r.error.kind}); simplify the pattern`];
      return [];
    });
    expect(
      vulnerable,
      `patterns that can backtrack (not linear-time). A pattern that starts with a repeated class (\\d+, [^ ]+, .*) is quadratic on unanchored search; start with a literal, or bound the repeat ({1,10}):\n${vulnerable.join('\n')}`,
    ).toEqual([]);
  }, 300_000);

  it('adversarial strings built from each pattern\'s literals finish quickly', () => {
    const slow: string[] = [];
    for (const cause of real().causes) {
      for (const sig of cause.signatures) {
        const re = new RegExp(sig.pattern);
        const runs = allLiteralRuns(sig.pattern).filter((r) => r.length > 0);
        const seeds = [...runs, runs.join(''), runs.join(' '), 'a', ' ', '(', ':', '"'];
        for (const seed of seeds) {
          const s = seed.repeat(Math.ceil(50_000 / Math.max(1, seed.length))).slice(0, 50_000) + '\u0000';
          const t0 = performance.now();
          re.test(s);
          const ms = performance.now() - t0;
          if (ms > 200) {
            slow.push(`${sig.id}: ${ms.toFixed(0)} ms on ${JSON.stringify(seed.slice(0, 40))}× (50k chars)`);
            break; // one slow input is enough to name the pattern
          }
        }
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});

describe('engine test catalog', () => {
  it('claims each of its own examples with its own cause', () => {
    const examples = fixtureExamples();
    expect(examples.size).toBeGreaterThan(8);
    expect(claimsOwnExamples(fixtureCatalog(), examples)).toEqual([]);
  });
});
