/**
 * Apache httpd error log, the lines people paste when Apache is the proxy
 * (mod_proxy, mod_proxy_fcgi, mod_fastcgi) or the backend behind nginx:
 *   [Fri Dec 20 22:00:10.627115 2019] [proxy:error] [pid 1252] (111)Connection refused: AH00957: FCGI: attempt to connect to 127.0.0.1:8000 (*) failed
 *   [Wed May 28 17:00:35 2014] [error](111)Connection refused: proxy: HTTP: attempt to connect to …   (2.2: no module, no AH code)
 *   AH00959: ap_proxy_connect_backend disabling worker for (127.0.0.1) for 60s                           (pasted without the head)
 * Facts: module, pid, client, the AH message code, and the APR status "(111)Connection refused".
 */
import type { Recognised } from './recognised.ts';
import { ctimeTime } from './time.ts';

// 2.4: "[time] [module:level] [pid N(:tid N)?] "; 2.2: "[time] [level] " (sometimes no space before the status).
const HEAD = /^\[([A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? \d{4})\] \[(?:([\w-]{1,40}):)?(emerg|alert|crit|error|warn|notice|info|debug|trace\d)\] ?(?:\[pid (\d{1,10})(?::tid \d{1,24})?\] )?/;
const BARE_AH = /^AH(\d{5}): /;
const STATUS = /^\((\d{1,6})\)([^:]{1,120}): /;
const CLIENT = /\[client ([^\]]{1,200})\] /;
const AH = /\bAH(\d{5}): /;

const LEVELS: Record<string, string> = { emerg: 'emerg', alert: 'alert', crit: 'crit', error: 'error', warn: 'warn', notice: 'notice', info: 'info', debug: 'debug' };

export function recogniseApache(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  const h = HEAD.exec(text);
  if (!h) {
    const b = BARE_AH.exec(text);
    if (!b) return null;
    facts.code = `AH${b[1]}`;
    return { kind: 'apache', facts };
  }
  if (h[2]) facts.module = h[2];
  if (h[4]) facts.pid = h[4];
  let msg = text.slice(h[0].length);
  const c = CLIENT.exec(msg);
  if (c && c.index < 20) {
    facts.client = c[1]!;
    msg = msg.slice(c.index + c[0].length);
  }
  const st = STATUS.exec(msg);
  if (st) {
    facts.errno = st[1]!;
    facts.errtext = st[2]!;
    msg = msg.slice(st[0].length);
    const c2 = CLIENT.exec(msg);
    if (c2 && c2.index === 0) facts.client = c2[1]!;
  }
  const a = AH.exec(msg);
  if (a) facts.code = `AH${a[1]}`;
  const out: Recognised = { kind: 'apache', level: LEVELS[h[3]!] ?? 'debug', facts };
  const time = ctimeTime(h[1]!);
  if (time) out.time = time;
  return out;
}
