/**
 * Linear-time verdicts for the catalog's regular expressions, cached by
 * pattern hash in src/data/pattern-verdicts.json.
 *
 * Proving a pattern free of catastrophic backtracking (recheck's automaton
 * checker) takes seconds to minutes per pattern, and its fuzzing fallback is
 * random. So each pattern is proven once, when it is written
 * (`npm run prove-patterns`), and the verdict is kept with the hash of the exact
 * pattern text: the unit test then only checks that every pattern in the
 * catalog has a "safe" verdict for its current text — deterministic and fast —
 * and a changed pattern has none until it is proven again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Catalog } from '../analyzer/types.ts';

export const VERDICTS_FILE = new URL('../data/pattern-verdicts.json', import.meta.url);

export interface Verdict {
  /** A signature id that uses the pattern (for people reading the file). */
  id: string;
  status: 'safe' | 'vulnerable' | 'unknown';
  /** "automaton" proves; "fuzz" (fixed seed) found no attack within its budget. */
  checker: 'automaton' | 'fuzz';
  note?: string;
}

export type Verdicts = Record<string, Verdict>;

export function patternHash(pattern: string): string {
  return createHash('sha256').update(pattern).digest('hex').slice(0, 20);
}

export function readVerdicts(): Verdicts {
  try {
    return JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as Verdicts;
  } catch {
    return {};
  }
}

export function writeVerdicts(v: Verdicts): void {
  const sorted = Object.fromEntries(Object.entries(v).sort(([, a], [, b]) => a.id.localeCompare(b.id)));
  writeFileSync(VERDICTS_FILE, JSON.stringify(sorted, null, 1) + '\n');
}

/** Every distinct pattern of the catalog, with the first signature id using it. */
export function catalogPatterns(catalog: Catalog): { id: string; pattern: string }[] {
  const seen = new Map<string, string>();
  for (const c of catalog.causes) for (const s of c.signatures) if (!seen.has(s.pattern)) seen.set(s.pattern, s.id);
  return [...seen].map(([pattern, id]) => ({ id, pattern }));
}
