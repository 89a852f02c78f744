/**
 * Runs a command as a whole process under /usr/bin/time and reads the kernel's
 * accounting of it: wall, user and system seconds and peak RSS. Every tool's
 * output goes to a file (GNU grep stops at the first match when its output is
 * /dev/null, which would flatter it).
 */
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const TIME = '/usr/bin/time';

export interface Run {
  wall: number;
  user: number;
  sys: number;
  maxRssMb: number;
  exit: number;
}

export function haveTime(): boolean {
  return existsSync(TIME);
}

/** Runs `cmd` once with stdout to `outFile`; exit codes in `okExits` are not errors. */
export function runOnce(cmd: string[], outFile: string, okExits: number[] = [0, 1]): Run {
  const out = openSync(outFile, 'w');
  const r = spawnSync(TIME, ['-f', 'BENCH %e %U %S %M', ...cmd], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  closeSync(out);
  const m = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  const exit = r.status ?? -1;
  if (!m || !okExits.includes(exit)) throw new Error(`${cmd.join(' ')} exited ${exit}: ${(r.stderr ?? '').slice(-800)}`);
  return { wall: Number(m[1]), user: Number(m[2]), sys: Number(m[3]), maxRssMb: Number(m[4]) / 1024, exit };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export interface Pair {
  a: Run[];
  b: Run[];
  /** a.wall / b.wall, pair by pair (robust when the machine's speed drifts). */
  ratios: number[];
}

/** A B A B …: the two commands in turn, `runs` times each. */
export function alternate(a: { cmd: string[]; out: string; ok?: number[] }, b: { cmd: string[]; out: string; ok?: number[] }, runs: number): Pair {
  const pair: Pair = { a: [], b: [], ratios: [] };
  for (let i = 0; i < runs; i++) {
    const ra = runOnce(a.cmd, a.out, a.ok);
    const rb = runOnce(b.cmd, b.out, b.ok);
    pair.a.push(ra);
    pair.b.push(rb);
    pair.ratios.push(ra.wall / Math.max(rb.wall, 0.001));
  }
  return pair;
}

export function firstLine(file: string): string {
  return readFileSync(file, 'utf8').split('\n', 1)[0]!.trim();
}
