/**
 * Every process the lab starts goes through here, so it can be stopped by its
 * PID (SIGTERM, then SIGKILL) — also when a scenario throws or the runner is
 * interrupted. Each child leads its own process group (detached), so nginx
 * workers and php-fpm children are stopped together with their master.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  /** stdout + stderr, capped. */
  output(): string;
  /** stdout alone, capped. */
  stdout(): string;
}

const live = new Map<number, Proc>();
const OUTPUT_CAP = 64 * 1024;

export function start(name: string, command: string, args: string[], opts: SpawnOptions = {}): Proc {
  const child = spawn(command, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  let out = '';
  let so = '';
  const collect = (b: Buffer): void => {
    if (out.length < OUTPUT_CAP) out += b.toString('utf8');
  };
  child.stdout?.on('data', (b: Buffer) => {
    collect(b);
    if (so.length < OUTPUT_CAP) so += b.toString('utf8');
  });
  child.stderr?.on('data', collect);
  const pid = child.pid;
  const exited = new Promise<number | string>((resolve) => {
    child.on('close', (code, signal) => {
      live.delete(pid);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const proc: Proc = { name, pid, child, exited, output: () => out, stdout: () => so };
  live.set(pid, proc);
  return proc;
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** SIGTERM the process (and its group), SIGKILL after `graceMs`. */
export async function stop(proc: Proc, graceMs = 2000): Promise<void> {
  if (!live.has(proc.pid)) return;
  signalGroup(proc.pid, 'SIGTERM');
  signalGroup(proc.pid, 'SIGCONT'); // a SIGSTOPped process only acts on SIGTERM once continued
  const done = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    signalGroup(proc.pid, 'SIGKILL');
    await Promise.race([proc.exited, sleep(1000)]);
  }
  // Workers left behind by a master that died first: same group, finish them.
  signalGroup(proc.pid, 'SIGKILL');
  live.delete(proc.pid);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live.values()].map((p) => stop(p)));
}

/** Synchronous last resort for process 'exit'. */
export function killAllNow(): void {
  for (const p of live.values()) signalGroup(p.pid, 'SIGKILL');
  live.clear();
}

let installed = false;
/** Installs exit/signal handlers once: nothing the lab started survives the runner. */
export function installCleanup(onInterrupt: () => Promise<void>): void {
  if (installed) return;
  installed = true;
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      process.stderr.write(`\nlab: ${sig} received, stopping everything the lab started…\n`);
      void onInterrupt()
        .catch(() => undefined)
        .then(stopAll)
        .finally(() => process.exit(130));
    });
  }
}

export function liveCount(): number {
  return live.size;
}
