/**
 * Node.js and pm2 crash lines: "Error: listen EADDRINUSE: address already in use :::3000",
 * "PM2 | App [api:0] exited with code [1] via signal [SIGINT]", "[PM2] … errored",
 * "FATAL ERROR: … JavaScript heap out of memory", stack frames "    at f (file.js:1:2)".
 */
import type { Recognised } from './recognised.ts';

export function recogniseNode(s: string, at: number, tag: string | undefined): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const facts: Record<string, string> = {};
  let m: RegExpExecArray | null;
  if ((m = /listen EADDRINUSE:? (?:address already in use )?(\S{1,128})/.exec(text))) {
    facts.address = m[1]!;
    return { kind: 'node', level: 'error', event: 'eaddrinuse', facts };
  }
  if ((m = /App \[([^\]]{1,128})\] exited with code \[(\d+)\](?: via signal \[(SIG[A-Z]+)\])?/.exec(text))) {
    facts.app = m[1]!;
    facts.code = m[2]!;
    if (m[3]) facts.signal = m[3];
    return { kind: 'node', level: 'error', event: 'app-crash', facts };
  }
  if (/JavaScript heap out of memory/.test(text)) return { kind: 'node', level: 'error', event: 'app-crash', facts };
  // pm2's own lines; `pm2 logs` shows them under a padded "PM2 … |" column, sometimes with the time before it.
  if (/^(?:PM2|\[PM2\])\b/.test(text) || /^\s{0,64}(?:\d{1,2}:\d{2}:\d{2}(?: [AP]M)? {1,8})?PM2 {1,16}\| /.test(text)) {
    const errored = /\berrored\b/.test(text);
    return errored ? { kind: 'node', level: 'error', event: 'app-crash', facts } : { kind: 'node', facts };
  }
  if (/^\s+at \S.{0,512}:\d+:\d+\)?$/.test(text) || /^(?:Uncaught |Unhandled )?[A-Z]\w{0,40}Error(?: \[\w+\])?: /.test(text) || /^node:internal\//.test(text)) {
    return { kind: 'node', level: 'error', facts };
  }
  if (tag === 'node' || tag === 'pm2') return { kind: 'node', facts };
  return null;
}
