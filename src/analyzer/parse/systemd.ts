/**
 * systemd unit messages (journalctl, syslog, `systemctl status` output):
 *   php8.2-fpm.service: Main process exited, code=killed, status=9/KILL
 *   php8.2-fpm.service: Failed with result 'oom-kill'.
 *   Failed to start nginx.service - A high performance web server…
 */
import type { Recognised } from './recognised.ts';

const UNIT_MSG = /^([\w@.:\\-]{1,128}\.(?:service|socket|scope|slice|mount)): (.*)$/;
const EXITED = /Main process exited, code=(\w+), status=(\d+)(?:\/(\w+))?/;
const RESULT = /Failed with result '([\w-]+)'/;
const FAILED_START = /^Failed to start (\S{1,128})/;

export function recogniseSystemd(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  const u = UNIT_MSG.exec(text);
  if (u) {
    facts.unit = u[1]!;
    const msg = u[2]!;
    const out: Recognised = { kind: 'systemd', level: 'notice', facts };
    let m: RegExpExecArray | null;
    if ((m = EXITED.exec(msg))) {
      facts.code = m[1]!;
      facts.status = m[2]!;
      if (m[3]) facts.signal = m[3];
      if (m[1] === 'killed' || m[1] === 'dumped') {
        out.event = 'unit-killed';
        out.level = 'error';
      } else if (m[2] !== '0') {
        out.event = 'unit-failed';
        out.level = 'error';
      }
    } else if ((m = RESULT.exec(msg))) {
      facts.result = m[1]!;
      out.event = m[1] === 'oom-kill' ? 'oom-kill' : 'unit-failed';
      out.level = 'error';
    } else if (/Start request repeated too quickly|start-limit-hit/.test(msg)) {
      out.event = 'unit-failed';
      out.level = 'error';
    }
    return out;
  }
  const f = FAILED_START.exec(text);
  if (f) {
    facts.unit = f[1]!;
    return { kind: 'systemd', level: 'error', event: 'unit-failed', facts };
  }
  if (tag === 'systemd') return { kind: 'systemd', facts };
  return null;
}
