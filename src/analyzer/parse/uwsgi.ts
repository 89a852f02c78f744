/**
 * uWSGI: "*** HARAKIRI ON WORKER 1 (pid: 1234, try: 1) ***",
 * "DAMN ! worker 1 (pid: 1234) died, killed by signal 9 :( trying respawn ...",
 * "*** uWSGI listen queue of socket "127.0.0.1:3031" (fd: 3) full !!! (101/100) ***",
 * request lines "[pid: 123|app: 0|req: 1/1] …".
 */
import type { Recognised } from './recognised.ts';

export function recogniseUwsgi(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  let m: RegExpExecArray | null;
  if ((m = /HARAKIRI ON WORKER (\d+) \(pid: (\d+)/.exec(text)) || (m = /HARAKIRI \[core \d+\] .{0,200}?pid (\d+)/.exec(text))) {
    facts.pid = m[2] ?? m[1]!;
    return { kind: 'uwsgi', level: 'error', event: 'harakiri', facts };
  }
  if ((m = /DAMN ! worker (\d+) \(pid: (\d+)\) died, killed by signal (\d+)/.exec(text))) {
    facts.pid = m[2]!;
    facts.signal_number = m[3]!;
    return { kind: 'uwsgi', level: 'error', event: 'worker-killed', facts };
  }
  if ((m = /uWSGI listen queue of socket "([^"]{1,256})" \(fd: \d+\) full/.exec(text))) {
    facts.socket = m[1]!;
    return { kind: 'uwsgi', level: 'error', event: 'listen-queue-full', facts };
  }
  // A worker reaped during a graceful reload or shutdown ("Mon Sep 10 11:02:16 2018 - worker 1 buried after 1 seconds").
  if (/ - worker \d{1,5} buried after \d{1,6} seconds?$/.test(text)) return { kind: 'uwsgi', level: 'info', facts };
  if (text.startsWith('[pid: ') || text.includes('uWSGI') || text.startsWith('*** ') || tag?.startsWith('uwsgi')) {
    return { kind: 'uwsgi', facts };
  }
  return null;
}
