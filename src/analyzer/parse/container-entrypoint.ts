/**
 * The official nginx image's start-up scripts, which `docker logs` and
 * compose show before nginx's own lines:
 *   /docker-entrypoint.sh: Configuration complete; ready for start up
 *   /docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
 *   10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled
 *   /docker-entrypoint.d/docker-entrypoint.sh: line 7: can't open /etc/nginx/conf.d/x.conf.template: no such file
 * Start-up chatter by itself; a failing script is an error line (a signature names what it means).
 */
import type { Recognised } from './recognised.ts';

const HEAD = /^(?:\/docker-entrypoint(?:\.d\/[\w.-]{1,64}\.(?:sh|envsh)|\.sh)|\d{2}-[\w.-]{1,64}\.(?:sh|envsh)): /;
const FAILED = /^line \d{1,6}: |\b(?:error|can't|cannot|No such file|not found|failed)\b/i;

export function recogniseContainerEntrypoint(s: string, at: number): Recognised | null {
  const text = at === 0 ? s : s.slice(at);
  const m = HEAD.exec(text);
  if (!m) return null;
  const msg = text.slice(m[0].length, m[0].length + 512);
  return { kind: 'container', level: FAILED.test(msg) ? 'error' : 'info', facts: { script: m[0].slice(0, -2) } };
}
