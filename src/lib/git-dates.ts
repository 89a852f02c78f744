/**
 * "Last updated" from git: the date of the last commit that touched a file.
 * One `git log` over the repository at first use, cached for the build. A file
 * that was never committed, or a checkout without git, has no date (the page
 * simply shows none) — never a wrong one, never a failed build.
 */
import { spawnSync } from 'node:child_process';
import { resolve, relative } from 'node:path';

let cache: { root: string; dates: Map<string, Date> } | null = null;

function load(): { root: string; dates: Map<string, Date> } {
  const dates = new Map<string, Date>();
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', timeout: 10_000 });
  if (top.error || top.status !== 0) return { root: process.cwd(), dates };
  const root = top.stdout.trim();
  const log = spawnSync('git', ['log', '--format=t:%ct', '--name-only', '--no-renames', '--', '.'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  if (log.error || log.status !== 0) return { root, dates };
  let current = 0;
  for (const line of log.stdout.split('\n')) {
    if (line.startsWith('t:')) current = Number(line.slice(2)) * 1000;
    else if (line && current && !dates.has(line)) dates.set(line, new Date(current)); // newest first
  }
  return { root, dates };
}

/** The last commit date of `file` (absolute or relative to the cwd), or undefined. */
export function lastCommitDate(file: string): Date | undefined {
  cache ??= load();
  const rel = relative(cache.root, resolve(file)).replace(/\\/g, '/');
  return cache.dates.get(rel);
}
