/**
 * `npm run prove-patterns`: proves each catalog pattern that has no verdict yet
 * (or every pattern with --all) and writes src/data/pattern-verdicts.json.
 * Verdicts of patterns no longer in the catalog are dropped.
 *
 * recheck's automaton checker proves a pattern linear (or finds an attack);
 * when it runs out of time, the fuzz checker with a fixed seed decides, and the
 * file says so. Two patterns at a time (two cores).
 */
import { check } from 'recheck';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from './from-disk.ts';
import { catalogPatterns, patternHash, readVerdicts, writeVerdicts, type Verdict, type Verdicts } from './pattern-proofs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const all = process.argv.includes('--all');
const AUTOMATON_MS = 60_000;

async function prove(pattern: string, id: string): Promise<Verdict> {
  const a = await check(pattern, '', { checker: 'automaton', timeout: AUTOMATON_MS });
  if (a.status !== 'unknown') return { id, status: a.status, checker: 'automaton', ...(a.status === 'vulnerable' ? { note: a.complexity.summary } : {}) };
  const f = await check(pattern, '', { checker: 'fuzz', timeout: AUTOMATON_MS, randomSeed: 42 });
  return { id, status: f.status, checker: 'fuzz', ...(f.status === 'vulnerable' ? { note: f.complexity.summary } : f.status === 'unknown' ? { note: f.error.kind } : {}) };
}

const patterns = catalogPatterns(loadCatalog(join(ROOT, 'content')));
const old = readVerdicts();
const next: Verdicts = {};
const todo: { id: string; pattern: string; hash: string }[] = [];
for (const p of patterns) {
  const hash = patternHash(p.pattern);
  if (!all && old[hash]) next[hash] = { ...old[hash], id: p.id };
  else todo.push({ ...p, hash });
}
console.log(`${patterns.length} patterns, ${todo.length} to prove`);
let i = 0;
const lane = async (): Promise<void> => {
  for (let k = i++; k < todo.length; k = i++) {
    const t = todo[k]!;
    const t0 = performance.now();
    next[t.hash] = await prove(t.pattern, t.id);
    console.log(`${t.id}: ${next[t.hash]!.status} (${next[t.hash]!.checker}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
};
await Promise.all([lane(), lane()]);
writeVerdicts(next);
const bad = Object.values(next).filter((v) => v.status !== 'safe');
if (bad.length) {
  console.error(`not proven safe:\n${bad.map((v) => `  ${v.id}: ${v.status} ${v.note ?? ''}`).join('\n')}`);
  process.exit(1);
}
