/** Bounded HTTP requests with curl (--max-time), as a user would send them. */
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { start, stop } from './processes.ts';

export interface RequestSpec {
  path: string;
  /** How many times (default 2). */
  count?: number;
  /** Send them all at once instead of one after another. */
  parallel?: boolean;
  /** curl --max-time, seconds (default 8). */
  maxTime?: number;
  method?: 'GET' | 'POST';
  /** Send a body of this many bytes (zeros; a sparse file in the scenario dir). */
  bodyBytes?: number;
  /** Pause before this group, ms. */
  delayMs?: number;
  /** Extra request headers (e.g. a big Cookie), name → value. */
  headers?: Record<string, string>;
}

/** One curl run; 0 when no HTTP response came back (curl's 000). */
export async function curl(url: string, r: RequestSpec, bodyFile?: string): Promise<number> {
  const maxTime = r.maxTime ?? 8;
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '--max-time', String(maxTime), '-H', 'User-Agent: badgateway-lab/1 curl'];
  for (const [name, value] of Object.entries(r.headers ?? {})) args.push('-H', `${name}: ${value}`);
  if (r.method === 'POST') args.push('-X', 'POST', '-H', 'Expect:', '-H', 'Content-Type: application/octet-stream');
  if (bodyFile) args.push('--data-binary', `@${bodyFile}`);
  args.push(url);
  const proc = start('curl', 'curl', args);
  const timer = setTimeout(() => void stop(proc, 500), (maxTime + 5) * 1000);
  await proc.exited;
  clearTimeout(timer);
  const m = /^(\d{3})/.exec(proc.stdout().trim());
  return m ? Number(m[1]) : 0;
}

/** Runs the request groups in order; returns the statuses in completion order per group. */
export async function drive(base: string, requests: RequestSpec[], rid: string, dir: string): Promise<number[]> {
  const statuses: number[] = [];
  let n = 0;
  for (const r of requests) {
    if (r.delayMs) await new Promise((res) => setTimeout(res, r.delayMs));
    const count = r.count ?? 2;
    let body: string | undefined;
    if (r.bodyBytes) {
      body = join(dir, `body-${r.bodyBytes}.bin`);
      const fd = openSync(body, 'w');
      ftruncateSync(fd, r.bodyBytes);
      closeSync(fd);
    }
    const url = (): string => `${base}${r.path}${r.path.includes('?') ? '&' : '?'}rid=${rid}-${++n}`;
    if (r.parallel) {
      const urls = Array.from({ length: count }, url);
      statuses.push(...(await Promise.all(urls.map((u) => curl(u, r, body)))));
    } else {
      for (let i = 0; i < count; i++) statuses.push(await curl(url(), r, body));
    }
  }
  return statuses;
}
