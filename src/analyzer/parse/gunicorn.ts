/**
 * Gunicorn: "[2026-11-22 23:58:07 +0000] [123] [CRITICAL] WORKER TIMEOUT (pid:124)",
 * "[…] [ERROR] Worker (pid:124) was sent SIGKILL! Perhaps out of memory?";
 * before 19.0 the stamp had no brackets nor zone: "2015-11-12 17:23:50 [17027] [CRITICAL] …".
 */
import type { Recognised } from './recognised.ts';

const HEAD = /^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) [+-]\d{4}\] \[(\d+)\] \[([A-Z]+)\] /;
const OLD_HEAD = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) \[(\d{1,10})\] \[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\] /;
/** The arbiter's own start-up wording, recognisable under any prefix a log viewer or a custom log format adds. */
const ARBITER = /\] (?:Booting worker with pid: \d{1,10}|Starting gunicorn \d{1,3}\.\d{1,3}|Listening at: [a-z]{3,4}:\/\/\S{1,256} \(\d{1,10}\)|Using worker: [\w.]{1,64})/;

export function recogniseGunicorn(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const m = HEAD.exec(text) ?? OLD_HEAD.exec(text);
  if (!m) {
    if (ARBITER.test(text)) return { kind: 'gunicorn', level: 'info', facts: {} };
    return tag?.startsWith('gunicorn') ? { kind: 'gunicorn', facts: {} } : null;
  }
  const facts: Record<string, string> = {};
  const msg = text.slice(m[0].length);
  const out: Recognised = { kind: 'gunicorn', level: m[3]!.toLowerCase(), time: `${m[1]!.slice(0, 10)}T${m[1]!.slice(11)}`, facts };
  const t = /WORKER TIMEOUT \(pid:(\d+)\)/.exec(msg);
  if (t) {
    facts.pid = t[1]!;
    out.event = 'worker-timeout';
  }
  const k = /Worker \(pid:(\d+)\) was sent (SIG[A-Z]+)/.exec(msg);
  if (k) {
    facts.pid = k[1]!;
    facts.signal = k[2]!;
    out.event = 'worker-killed';
  }
  return out;
}
