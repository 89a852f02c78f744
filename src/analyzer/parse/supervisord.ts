/**
 * supervisord's own log and `supervisorctl status` output, pasted when the
 * backend behind nginx runs under supervisor:
 *   2023-11-28 20:58:17,094 INFO exited: homework-tracker (exit status 127; not expected)
 *   2023-11-28 20:58:23,172 INFO gave up: homework-tracker entered FATAL state, too many start retries too quickly
 *   myauth:gunicorn                  FATAL      Exited too quickly (process log may have details)
 * An unexpected exit or a program given up on is an event ("process-exited",
 * "process-fatal"): the backend is down or restarting, whatever it is.
 */
import type { Recognised } from './recognised.ts';

const HEAD = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}),\d{3} (CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) /;
const EXITED = /^exited: ([^ ]{1,128}) \((?:exit status (\d{1,3})|terminated by (SIG[A-Z0-9]{2,8})(?: \(core dumped\))?); (not expected|expected)\)/;
const GAVE_UP = /^gave up: ([^ ]{1,128}) entered FATAL state/;
const STATUS_LINE = /^([\w:.@-]{1,128}) +(FATAL|BACKOFF|EXITED|RUNNING|STARTING|STOPPED|STOPPING|UNKNOWN) {2,}(\S.{0,200})?$/;

const LEVELS: Record<string, string> = { CRIT: 'crit', ERRO: 'error', WARN: 'warn', INFO: 'info', DEBG: 'debug', TRAC: 'debug', BLAT: 'debug' };

export function recogniseSupervisord(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  const h = HEAD.exec(text);
  if (h) {
    const out: Recognised = { kind: 'supervisor', level: LEVELS[h[3]!] ?? 'info', time: `${h[1]}T${h[2]}`, facts };
    const msg = text.slice(h[0].length);
    let m: RegExpExecArray | null;
    if ((m = EXITED.exec(msg))) {
      facts.program = m[1]!;
      if (m[2]) facts.status = m[2];
      if (m[3]) facts.signal = m[3];
      if (m[4] === 'not expected') {
        out.event = 'process-exited';
        out.level = 'error';
      }
    } else if ((m = GAVE_UP.exec(msg))) {
      facts.program = m[1]!;
      out.event = 'process-fatal';
      out.level = 'error';
    }
    return out;
  }
  const st = STATUS_LINE.exec(text);
  if (st) {
    facts.program = st[1]!;
    facts.state = st[2]!;
    const bad = st[2] === 'FATAL' || st[2] === 'BACKOFF';
    return bad ? { kind: 'supervisor', level: 'error', event: 'process-fatal', facts } : { kind: 'supervisor', facts };
  }
  return null;
}
