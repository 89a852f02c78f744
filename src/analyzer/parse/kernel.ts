/**
 * Kernel OOM-killer lines (dmesg, journald, syslog):
 *   Out of memory: Killed process 1234 (php-fpm8.2) total-vm:…
 *   Memory cgroup out of memory: Killed process 1234 (node) …
 *   oom-kill:constraint=CONSTRAINT_NONE,…,task=php-fpm8.2,pid=1234,uid=33
 *   php-fpm8.2 invoked oom-killer: gfp_mask=…
 */
import type { Recognised } from './recognised.ts';

const KILLED = /(?:Out of memory|Memory cgroup out of memory): Killed process (\d+) \(([^)]{1,64})\)/;
const OOM_KILL = /oom-kill:.{0,512}?task=([^,\s]{1,64}),pid=(\d+)/;
const INVOKED = /^(\S{1,64}) invoked oom-killer/;

export function recogniseKernel(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  let m: RegExpExecArray | null;
  if ((m = KILLED.exec(text))) {
    facts.pid = m[1]!;
    facts.process = m[2]!;
    return { kind: 'kernel', level: 'error', event: 'oom-kill', facts };
  }
  if ((m = OOM_KILL.exec(text))) {
    facts.process = m[1]!;
    facts.pid = m[2]!;
    return { kind: 'kernel', level: 'error', event: 'oom-kill', facts };
  }
  if ((m = INVOKED.exec(text))) {
    facts.process = m[1]!;
    return { kind: 'kernel', level: 'warn', facts };
  }
  if (tag === 'kernel') return { kind: 'kernel', facts };
  return null;
}
