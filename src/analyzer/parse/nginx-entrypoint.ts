/**
 * The official nginx container image's entrypoint (docker-entrypoint.sh and
 * its /docker-entrypoint.d/ scripts) announcing what it does before nginx
 * starts:
 *   /docker-entrypoint.sh: Configuration complete; ready for start up
 *   10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled
 *   20-envsubst-on-templates.sh: ERROR: /etc/nginx/templates exists, but /etc/nginx/conf.d is not writable
 *   /docker-entrypoint.d/docker-entrypoint.sh: line 7: can't open /etc/nginx/conf.d/x.conf.template: no such file
 * Start-up chatter is informational; a script's error (its own "error:" or a
 * shell error "line N: …") stops the entrypoint, and nginx with it.
 */
import type { Recognised } from './recognised.ts';

const LINE = /^(\/docker-entrypoint\.sh|\/docker-entrypoint\.d\/[\w.-]{1,80}\.(?:sh|envsh)|\d{2}-[\w.-]{1,80}\.(?:sh|envsh)): (line \d{1,6}: |(?:info|error|ERROR|warn|WARN|warning): )?/;

export function recogniseNginxEntrypoint(s: string, at: number): Recognised | null {
  const c = s.charCodeAt(at);
  // Cheap gate: "/docker-entrypoint…" or "NN-…".
  if (c !== 47 /* / */ && !(c >= 48 && c <= 57)) return null;
  const text = at === 0 ? s : s.slice(at);
  const m = LINE.exec(text);
  if (!m) return null;
  const tag = m[2]?.toLowerCase();
  const level = tag === undefined || tag === 'info: ' ? 'info' : tag.startsWith('warn') ? 'warn' : 'error';
  return { kind: 'nginx-entrypoint', level, facts: { script: m[1]!, message: text.slice(m[0].length) } };
}
