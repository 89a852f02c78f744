/**
 * An upstream `server unix:/path.sock:/uri;` line. Only a pass directive
 * splits a ":/uri" off a unix: address (proxy_pass http://unix:/x.sock:/app);
 * nginx parses an upstream server without a URI part (ngx_parse_unix_domain_url
 * with uri_part unset), so the whole text after "unix:" is the socket path and
 * connect() looks for a file named "x.sock:/app": "2: No such file or
 * directory", 502. The logged connect() line naming that whole path makes it
 * certain.
 */
import { CAUSES } from '../../cause-ids.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

/** "unix:/run/app.sock:/prefix" → the socket and the URI someone meant to pass. */
const SOCKET_WITH_URI = /^unix:(\/[^:\s]+):(\/\S*)$/;

export const upstreamUnixServerUri: ConfigRule = {
  id: 'upstream-unix-server-uri',
  cause: CAUSES.socketMissing,
  title: 'upstream server unix:/path.sock:/uri (nginx takes the whole text as the socket path)',
  check({ nginx, logHints }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const group of nginx.upstreams.values()) {
      for (const s of group.servers) {
        const raw = s.args[0] ?? '';
        const m = SOCKET_WITH_URI.exec(raw);
        if (!m) continue;
        const whole = raw.slice(5);
        const logged = (logHints.connectFailures ?? []).find((f) => f.errno === 2 && f.socket === whole);
        const facts: Record<string, string> = { socket: whole, upstream: group.name };
        if (logged) facts.logLine = String(logged.line);
        out.push({
          line: s.line,
          directive: 'server',
          facts,
          confidence: logged ? 'high' : 'medium',
          note: `upstream ${group.name} has server ${raw}: in an upstream block nginx does not split a ":/uri" off a unix: address (only proxy_pass does), so it connects to a file named "${whole}", which does not exist (2: No such file or directory)${logged ? `, as input line ${logged.line} shows` : ''}. Name only the socket here (server unix:${m[1]};) and, if the URI is needed, put it on the proxy_pass that uses the group (proxy_pass http://${group.name}${m[2]};), or pass to the socket directly without the group (proxy_pass http://${raw};).`,
        });
      }
    }
    return out;
  },
};
