/**
 * `npm test`: every test of the project, the independent ones side by side.
 *
 * No step keeps every core busy on its own (check and lint use one, the lab
 * mostly waits for nginx, start-ups wait for the disk), so steps that do not
 * depend on each other share the cores:
 *
 *   lint → unit → lab, collector      check → build → e2e (site), bundle
 *   then e2e (perf): the timing-sensitive checks, alone
 *
 * e2e and bundle also wait for unit (they would slow each other down), the
 * lab for unit only (the unit tests read the lab's record). check and build
 * stay in one lane: both write .astro/. The lab writes its record aside and
 * renames it, so the bundle test reading it meanwhile sees one whole version.
 *
 * Each step's output is printed whole when it ends (never interleaved), then
 * a table of times; a failed step fails the run and the steps that wait for
 * it do not run. Each step is also an npm script of its own (`npm run
 * test:unit`, …).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Step {
  name: string;
  /** Arguments to `npm run -s`. */
  run: string[];
  after?: string[];
}

const STEPS: Step[] = [
  { name: 'lint', run: ['lint'] },
  { name: 'unit', run: ['test:unit'], after: ['lint'] },
  { name: 'check', run: ['check'] },
  { name: 'build', run: ['build'], after: ['check'] },
  { name: 'e2e', run: ['test:e2e', '--', '--project=site'], after: ['build', 'unit'] },
  { name: 'bundle', run: ['test:bundle'], after: ['build', 'unit'] },
  { name: 'lab', run: ['lab'], after: ['unit'] },
  { name: 'collector', run: ['test:collector'], after: ['unit'] },
  { name: 'e2e perf', run: ['test:e2e', '--', '--project=perf', '--no-deps'], after: ['e2e', 'bundle', 'lab', 'collector'] },
];

type Outcome = { ok: boolean; seconds: number; skipped?: boolean };

function runStep(step: Step): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
    const child = spawn('npm', ['run', '-s', ...step.run], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    const done = (ok: boolean, why = '') => {
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\n── ${step.name}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ${'─'.repeat(40)}\n`);
      process.stdout.write(Buffer.concat(out));
      if (why) process.stdout.write(`${why}\n`);
      resolve({ ok, seconds });
    };
    child.on('error', (e) => done(false, `could not start npm: ${e.message}`));
    child.on('close', (code, signal) => done(code === 0, code === 0 ? '' : `(exit ${code ?? signal})`));
  });
}

const started = performance.now();
const outcomes = new Map<string, Promise<Outcome>>();
const outcome = (name: string): Promise<Outcome> => {
  const known = outcomes.get(name);
  if (known) return known;
  const step = STEPS.find((s) => s.name === name);
  if (!step) throw new Error(`unknown step ${name}`);
  const p = Promise.all((step.after ?? []).map(outcome)).then((before) => {
    const failed = (step.after ?? []).filter((_, i) => !before[i]!.ok);
    if (failed.length === 0) return runStep(step);
    process.stdout.write(`\n── ${step.name}: not run (${failed.join(', ')} failed)\n`);
    return { ok: false, seconds: 0, skipped: true };
  });
  outcomes.set(name, p);
  return p;
};

const results = await Promise.all(STEPS.map(async (s) => [s.name, await outcome(s.name)] as const));
const total = (performance.now() - started) / 1000;
process.stdout.write('\n');
for (const [name, r] of results) process.stdout.write(`${r.ok ? 'ok    ' : r.skipped ? 'skip  ' : 'FAIL  '}${name.padEnd(10)} ${r.skipped ? '' : `${r.seconds.toFixed(1).padStart(6)} s`}\n`);
const failed = results.filter(([, r]) => !r.ok).map(([n]) => n);
process.stdout.write(`\n${failed.length ? `FAILED: ${failed.join(', ')}` : 'all tests passed'} in ${total.toFixed(1)} s\n`);
process.exit(failed.length ? 1 : 0);
