/**
 * `npm run lab`: breaks real nginx + php-fpm setups on purpose, captures what
 * they write, and requires the analyzer to name the cause.
 *
 *   npm run lab                    all scenarios, refreshes src/data/lab-record.json
 *   npm run lab -- s05 s07a        only scenarios whose id starts with these (no record written)
 *   LAB_JOBS=4 npm run lab         scenarios run concurrently (default 6)
 *
 * Last line: "N scenarios, M reproduced, K diagnosed". Exit code 1 if any
 * scenario fails to reproduce or to be diagnosed, 2 if the lab cannot run.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarios as all } from './scenarios/index.ts';
import { runScenario, type LabEnv, type Outcome } from './harness/run-scenario.ts';
import { installCleanup, stopAll } from './harness/processes.ts';
import { checkPrerequisites } from './harness/prereq.ts';
import { makeCerts } from './harness/certs.ts';
import { writeWww } from './harness/www.ts';
import { loadDiagnoser, type Diagnoser } from './diagnose.ts';
import { writeRecord, type RecordScenario } from './record.ts';
import type { Scenario } from './scenarios/types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const RECORD = join(ROOT, 'src', 'data', 'lab-record.json');

interface Result {
  scenario: Scenario;
  outcome: Outcome;
  diagnosed: boolean;
  causes: string[];
  why: string;
}

function judge(s: Scenario, causes: string[], d: Diagnoser, engineError?: string): { ok: boolean; why: string } {
  if (d.unavailable) return { ok: false, why: `not diagnosed: ${d.unavailable}` };
  if (engineError) return { ok: false, why: `not diagnosed: ${engineError}` };
  const good = [s.cause, ...(s.accept ?? [])];
  if (!causes.some((c) => good.includes(c))) {
    const missing = good.every((c) => !d.known.has(c)) ? ` (no article content/causes/${s.cause}.mdx yet)` : '';
    return { ok: false, why: `not diagnosed: expected ${good.join(' or ')}${missing}` };
  }
  if (s.top !== false && !good.includes(causes[0]!)) return { ok: false, why: `not diagnosed: ${s.cause} is not the top finding (${causes[0]} is)` };
  return { ok: true, why: '' };
}

async function pool<T, R>(items: T[], jobs: number, fn: (t: T) => Promise<R>, each: (r: R) => void): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
      each(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

function statuses(list: number[]): string {
  return list.length ? list.map((x) => (x === 0 ? '000' : String(x).padStart(3, '0'))).join(',') : '-';
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = filters.length ? all.filter((s) => filters.some((f) => s.id.startsWith(f))) : all;
  if (!selected.length) {
    console.error(`lab: no scenario matches ${filters.join(' ')}`);
    return 2;
  }
  const workRoot = join(HERE, 'work');
  let versions;
  try {
    versions = checkPrerequisites(workRoot);
  } catch (e) {
    console.error(`lab: ${(e as Error).message}`);
    return 2;
  }
  installCleanup(async () => undefined);

  const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`;
  const work = join(workRoot, runId);
  if (join(work, 'run', 's00x-longest.sock').length > 100) {
    console.error(`lab: the work dir ${work} is too deep for unix socket paths (108 bytes at most); check the repository out at a shorter path`);
    return 2;
  }
  mkdirSync(work, { recursive: true });
  // Keep the last few runs for inspection; older ones go.
  const runs = readdirSync(workRoot).filter((d) => /^\d{8}T\d{6}(-\d+)?$/.test(d) && d !== runId).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - 3))) rmSync(join(workRoot, old), { recursive: true, force: true });
  for (const d of [workRoot, work]) chmodSync(d, 0o755);
  const env: LabEnv = { work, www: writeWww(join(work, 'www')), certs: makeCerts(work), netns: versions.netns };
  const diagnoser = await loadDiagnoser(ROOT);
  const jobs = Number(process.env.LAB_JOBS) || 6;
  console.log(`lab: nginx ${versions.nginx}, php-fpm ${versions.phpFpm}, ${selected.length} scenario(s), ${jobs} at a time, work dir ${work}`);
  if (diagnoser.unavailable) console.log(`lab: the analyzer cannot run: ${diagnoser.unavailable}`);

  const results = await pool(
    selected,
    jobs,
    async (s): Promise<Result> => {
      const outcome = await runScenario(s, env);
      const text = [...outcome.errorLog, ...outcome.accessLog, ...outcome.phpFpmLog, ...outcome.appLog].join('\n');
      const d = await diagnoser.diagnose(text);
      const j = judge(s, d.causes, diagnoser, d.error);
      return { scenario: s, outcome, diagnosed: j.ok, causes: d.causes, why: j.why };
    },
    (r) => {
      const o = r.outcome;
      const s = r.scenario;
      const seen = s.expect.from === 'access' ? `access ${statuses(o.accessStatuses)} (client ${statuses(o.clientStatuses)})` : `client ${statuses(o.clientStatuses)}`;
      const mark = o.reproduced && r.diagnosed ? '✓' : '✗';
      const exp = `expected ${s.expect.match === 'some' ? 'some ' : ''}${statuses([s.expect.status])}`;
      const found = r.causes.length ? r.causes.join(', ') : '(no findings)';
      console.log(`${mark} ${s.id.padEnd(42)} ${seen}  ${exp}  → ${found}  [${(o.ms / 1000).toFixed(1)}s]`);
      for (const p of o.problems) console.log(`    not reproduced: ${p}`);
      if (!r.diagnosed) console.log(`    ${r.why} (want ${s.cause})`);
    },
  );

  const reproduced = results.filter((r) => r.outcome.reproduced).length;
  const diagnosed = results.filter((r) => r.diagnosed).length;
  if (!filters.length) {
    const scenarios: RecordScenario[] = results.map((r) => ({
      id: r.scenario.id,
      title: r.scenario.title,
      cause: r.scenario.cause,
      acceptedCauses: r.scenario.accept ?? [],
      trigger: r.scenario.trigger,
      clientStatuses: r.outcome.clientStatuses,
      accessStatuses: r.outcome.accessStatuses,
      expectedStatus: r.scenario.expect.status,
      statusFrom: r.scenario.expect.from ?? 'client',
      errorLog: r.outcome.errorLog,
      accessLog: r.outcome.accessLog,
      phpFpmLog: r.outcome.phpFpmLog,
      appLog: r.outcome.appLog,
      notes: r.outcome.notes,
      reproduced: r.outcome.reproduced,
      diagnosed: r.diagnosed,
      diagnosedCauses: r.causes,
    }));
    writeRecord(RECORD, { version: 1, generated: new Date().toISOString(), nginx: versions.nginx, phpFpm: versions.phpFpm, scenarios });
    console.log(`lab: wrote ${RECORD.slice(ROOT.length + 1)}`);
  } else {
    console.log('lab: a filtered run does not write the record');
  }
  console.log(`lab: finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${results.length} scenarios, ${reproduced} reproduced, ${diagnosed} diagnosed`);
  return reproduced === results.length && diagnosed === results.length ? 0 : 1;
}

main()
  .then(async (code) => {
    await stopAll();
    process.exitCode = code;
  })
  .catch(async (e: unknown) => {
    console.error(`lab: ${(e as Error).stack ?? String(e)}`);
    await stopAll();
    process.exitCode = 2;
  });
