/**
 * Named rewrites of one nginx line as other builds and other hands print it
 * (shared by the platform-variant and line-rule tests).
 */
import { parseEvent } from '../../../src/analyzer/events/parse.ts';
import { errnoSpellings } from '../../../src/analyzer/events/errno.ts';
import { pasteMarks } from '../../../src/analyzer/events/normalise.ts';

/** Named rewrites of one nginx line. */
export function variants(pasted: string): [string, string][] {
  // Variants rewrite the line as nginx wrote it (without the Markdown a paste added around it).
  const marks = pasteMarks(pasted);
  const line = marks ? pasted.slice(marks.start, marks.end) : pasted;
  const ev = parseEvent(line);
  if (!ev) return [];
  const out: [string, string][] = [];
  const errTail = /\((\d{1,5}): ((?:[^()]|\([^()]*\))*)\)(?= while|,|$)/;
  if (ev.errno) {
    for (const sp of errnoSpellings(ev.errno.name)) out.push([`errno ${sp.platform} (${sp.number}: ${sp.text})`, line.replace(errTail, `(${sp.number}: ${sp.text})`)]);
  }
  if (ev.syscall === 'connect' && ev.template === 'connect() failed') out.push(['kevent() reported that connect()', line.replace('connect() failed', 'kevent() reported that connect() failed')]);
  if (ev.syscall === 'recv' && !ev.syscallAs) out.push(['WSARecv()', line.replace('recv() failed', 'WSARecv() failed')]);
  if (ev.syscall === 'send' && !ev.syscallAs) out.push(['WSASend()', line.replace('send() failed', 'WSASend() failed')]);
  if (ev.ssl) {
    const m = /\(SSL: (error:[^)]*)\)/.exec(line);
    if (m) {
      const reason = ev.ssl.reason;
      const alert = ev.ssl.alert !== undefined && /SSL alert number/.test(m[1]!) ? `:SSL alert number ${ev.ssl.alert}` : '';
      out.push(['BoringSSL', line.replace(m[1]!, `error:10000410:SSL routines:OPENSSL_internal:${reason.toUpperCase().replace(/ /g, '_')}${alert}`)]);
      out.push(['OpenSSL 1.1', line.replace(m[1]!, `error:1408F10B:SSL routines:ssl3_get_record:${reason}${alert}`)]);
    }
  }
  out.push(['syslog prefix', `Dec  7 10:00:00 web-1 nginx[812]: ${line}`]);
  out.push(['compose prefix', `web-1  | ${line}`]);
  out.push(['re-spaced', line.replace(/(\w)\(\)/g, '$1 ()').replace('unix:/', 'unix: /').replace(/ (failed|while) /, '  $1  ')]);
  out.push(['full-width quotes', line.replace(/"/g, '\uff02')]);
  const host = line.lastIndexOf(', host: "');
  if (host !== -1) out.push(['cut short', `${line.slice(0, host)}…`]);
  return out;
}

