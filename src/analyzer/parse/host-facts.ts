/** Data lines of the collector's `ss -tlnp` / `ss -xlp` and `ulimit` sections. */
import type { HostFacts } from '../config/rules/types.ts';

/** "LISTEN 0 511 0.0.0.0:80 0.0.0.0:* users:((…))" or "u_str LISTEN 0 511 /run/php/php8.2-fpm.sock 1234 * 0 …". */
export function parseSsLine(t: string, line: number, host: HostFacts): boolean {
  const cols = t.trim().split(/\s+/);
  const li = cols.indexOf('LISTEN');
  if (li === -1) return false;
  const local = cols[li + 3];
  if (local && host.listening.length < 1000) host.listening.push({ address: local, line });
  return true;
}

/** "open files (-n) 1024", "open files                      (-n) 1024", or a bare number after `ulimit -n`. */
export function parseUlimitLine(t: string, line: number, host: HostFacts): boolean {
  const m = /^(?:open files\s+\((?:-n|blocks, -n)\)\s+)?(\d+|unlimited)$/.exec(t.trim());
  if (!m) return /^\w/.test(t);
  if (m[1] !== 'unlimited' && (t.includes('open files') || host.nofile === undefined)) host.nofile = { value: Number(m[1]), line };
  return true;
}
