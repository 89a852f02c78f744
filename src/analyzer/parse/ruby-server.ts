/**
 * Ruby application servers behind nginx: Puma's cluster master, Phusion
 * Passenger's core log, and Ruby's Logger format (Unicorn, Rails, gems):
 *   [2419] - KILL sent to 3229...                     (Puma: a worker ignored TERM during a restart)
 *   [2419] - Worker 1 (pid: 4812) booted, phase: 5
 *   [ 2013-10-08 10:50:43.0102 2831/b533a450 Pool2/Implementation.cpp:849 ]: Could not spawn process …
 *   I, [2017-04-19T10:19:18.119862 #4812]  INFO -- sentry: ** [Raven] Raven 2.4.0 ready to catch errors
 *   E, [2018-06-01T19:13:51.215829 #12] ERROR -- : worker=0 PID:303 timeout (16s > 15s), killing
 */
import type { Recognised } from './recognised.ts';

const PUMA = /^\[(\d{1,10})\] (?:- |! |\* )/;
const PASSENGER = /^\[ ([A-Z] )?(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d{1,6})? (\d{1,10})\/[\w.]{1,32} [\w./-]{1,96}:\d{1,6} \]: /;
const LOGGER = /^([DIWEFA]), \[(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d{1,9})? #(\d{1,10})\] {1,2}(DEBUG|INFO|WARN|ERROR|FATAL|ANY) -- /;
const UNICORN_TIMEOUT = /worker=(\d{1,6}) PID:(\d{1,10}) timeout \((\d{1,6})s > (\d{1,6})s\), killing/;

const LEVELS: Record<string, string> = { DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error', FATAL: 'fatal', ANY: 'info' };

export function recogniseRubyServer(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  let m: RegExpExecArray | null;
  if ((m = PUMA.exec(text))) {
    facts.pid = m[1]!;
    const k = /^KILL sent to (\d{1,10})/.exec(text.slice(m[0].length));
    if (k) {
      facts.worker = k[1]!;
      return { kind: 'ruby', level: 'error', event: 'worker-killed', facts };
    }
    return { kind: 'ruby', facts };
  }
  if ((m = PASSENGER.exec(text))) {
    facts.pid = m[4]!;
    return { kind: 'ruby', level: m[1] === 'E ' || m[1] === 'C ' ? 'error' : m[1] === 'W ' ? 'warn' : 'info', time: `${m[2]}T${m[3]}`, facts };
  }
  if ((m = LOGGER.exec(text))) {
    facts.pid = m[4]!;
    const out: Recognised = { kind: 'ruby', level: LEVELS[m[5]!] ?? 'info', time: `${m[2]}T${m[3]}`, facts };
    const t = UNICORN_TIMEOUT.exec(text.slice(m[0].length));
    if (t) {
      facts.worker = t[1]!;
      facts.pid = t[2]!;
      facts.seconds = t[3]!;
      facts.timeout = t[4]!;
      out.event = 'worker-timeout';
    }
    return out;
  }
  return null;
}
