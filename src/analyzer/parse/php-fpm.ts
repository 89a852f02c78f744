/**
 * PHP-FPM master log lines:
 *   [22-Nov-2026 23:58:07] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it
 *   [22-Nov-2026 23:58:07.123456] WARNING: pid 1865, fpm_children_bury(), line 288: [pool www] child 1883 exited on signal 9 (SIGKILL) after …
 *   php-fpm WARNING: [pool tiny] … (the lab's prefix), or "WARNING: …" through syslog.
 */
import type { Recognised } from './recognised.ts';
import { fpmTime } from './time.ts';

const HEAD = /^(?:\[(\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2})(?:\.\d+)?\] )?(?:php-fpm[\w.-]*:? )?(ALERT|ERROR|WARNING|NOTICE|DEBUG): (?:pid \d+, [\w()]+, line \d+: )?/;
const POOL = /\[pool ([^\]\s]{1,64})\]/;
const MAX_CHILDREN = /server reached (?:pm\.)?max_children setting \((\d+)\)/;
const CHILD_SIGNAL = /child (\d+) exited on signal (\d+) \((SIG[A-Z0-9]+)\)(?: after ([\d.]+) seconds)?/;
const CHILD_CODE = /child (\d+) exited with code (\d+)/;
const TIMED_OUT = /child (\d+), script '([^']{0,1024})' \(request: "([^"]{0,2048})"\) execution timed out \(([\d.]+) sec\)/;

export function recognisePhpFpm(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const m = HEAD.exec(text);
  if (!m) return null;
  const facts: Record<string, string> = {};
  const msg = text.slice(m[0].length);
  const pool = POOL.exec(msg);
  if (pool) facts.pool = pool[1]!;
  const out: Recognised = { kind: 'php-fpm', level: m[2]!.toLowerCase(), facts };
  if (m[1]) out.time = fpmTime(m[1]);
  let e: RegExpExecArray | null;
  if ((e = MAX_CHILDREN.exec(msg))) {
    out.event = 'max-children';
    facts.max_children = e[1]!;
  } else if ((e = CHILD_SIGNAL.exec(msg))) {
    out.event = 'child-signal';
    facts.pid = e[1]!;
    facts.signal = e[3]!;
    facts.signal_number = e[2]!;
  } else if ((e = TIMED_OUT.exec(msg))) {
    out.event = 'child-timeout';
    facts.pid = e[1]!;
    facts.path = e[2]!;
    facts.request = e[3]!;
    facts.seconds = e[4]!;
  } else if ((e = CHILD_CODE.exec(msg))) {
    out.event = 'child-exit';
    facts.pid = e[1]!;
    facts.code = e[2]!;
  } else if (msg.includes('unable to read what child say')) {
    out.event = 'child-read-failed';
  }
  return out;
}
