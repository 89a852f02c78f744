import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../../src/lib/content-files.ts';

/**
 * The seed articles are third-party text used for facts only: no run of eight
 * consecutive words from them may appear in content/. CI has ../shared beside
 * the clone; a missing seeds folder is a failure, not a skip.
 */
const SHARED = join(import.meta.dirname, '../../../../shared');
const SEEDS = join(SHARED, 'seeds');
/** nginx's own message texts are facts, not prose: runs that also occur in our fact sheets are allowed. */
const FACT_SHEETS = [join(SHARED, 'nginx-upstream-errors.md'), join(SHARED, 'lab/README.md')];
const N = 8;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[`*_#>[\](){}"'“”‘’|-]/g, ' ')
    .split(/[^a-z0-9.:/]+/)
    .map((w) => w.replace(/^[.:/]+|[.:/]+$/g, ''))
    .filter(Boolean);

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + N <= w.length; i++) out.add(w.slice(i, i + N).join(' '));
  return out;
}

describe('own words', () => {
  it('finds the seed articles beside the repo', () => {
    expect(readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).length, `no seeds in ${SEEDS}`).toBeGreaterThan(0);
  });

  it('copies no run of 8 words from the seeds into content/', () => {
    const seed = new Set<string>();
    for (const f of readdirSync(SEEDS)) for (const s of shingles(readFileSync(join(SEEDS, f), 'utf8'))) seed.add(s);
    for (const f of FACT_SHEETS) for (const s of shingles(readFileSync(f, 'utf8'))) seed.delete(s);
    const copied = contentFiles().flatMap((f) => [...shingles(f.source)].filter((s) => seed.has(s)).map((s) => `${f.file}: "${s}"`));
    expect(copied).toEqual([]);
  });
});
