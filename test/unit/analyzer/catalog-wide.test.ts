/**
 * Checks against the real catalog (content/causes). These fail while an
 * article is invalid or missing — that is their job.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/from-disk.ts';
import { loadCauseEntries } from '../../../src/catalog/from-disk.ts';
import { analyze, CAUSES, type Catalog, type LineResult } from '../../../src/analyzer/index.ts';
import { catalogPatterns, patternHash, readVerdicts } from '../../../src/catalog/pattern-proofs.ts';
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

  it('every signature pattern has a linear-time verdict for its exact text', () => {
    // Proven once per pattern text by `npm run prove-patterns` (recheck), cached
    // by hash: a new or edited pattern has no verdict until it is proven again.
    const verdicts = readVerdicts();
    const problems = catalogPatterns(real()).flatMap(({ id, pattern }) => {
      const v = verdicts[patternHash(pattern)];
      if (!v) return [`${id}: not proven yet — run \`npm run prove-patterns\``];
      if (v.status !== 'safe') return [`${id}: ${v.status} (${v.checker}) ${v.note ?? ''}`];
      return [];
    });
    expect(
      problems,
      `patterns without a linear-time proof. A pattern that starts with a repeated class (\\d+, [^ ]+, .*) is quadratic on unanchored search; start with a literal, or bound the repeat ({1,10}):\n${problems.join('\n')}`,
    ).toEqual([]);
  });
});

describe('engine test catalog', () => {
  it('claims each of its own examples with its own cause', () => {
    const examples = fixtureExamples();
    expect(examples.size).toBeGreaterThan(8);
    expect(claimsOwnExamples(fixtureCatalog(), examples)).toEqual([]);
  });
});
