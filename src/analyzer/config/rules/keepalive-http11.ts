/**
 * upstream{} keepalive only reuses connections when nginx speaks HTTP/1.1 to
 * the backend and does not send "Connection: close". Before nginx 1.29.7 both
 * were the defaults (HTTP/1.0, Connection close), so keepalive needs
 * `proxy_http_version 1.1` and `proxy_set_header Connection ""` there.
 */
import { CAUSES } from '../../cause-ids.ts';
import { effective, headerValue, proxyHost, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';
import { oldDefaultApplies, versionClause } from './version-note.ts';

const SINCE = '1.29.7';

export const keepaliveHttp11: ConfigRule = {
  id: 'keepalive-without-http11',
  cause: CAUSES.keepalive,
  title: 'upstream keepalive without proxy_http_version 1.1 and an empty Connection header (nginx before 1.29.7)',
  check({ nginx, version }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    const old = oldDefaultApplies(version, SINCE);
    for (const { scope, directive } of scopesWith(nginx, 'proxy_pass')) {
      const group = nginx.upstreams.get(proxyHost(directive.args[0] ?? '').replace(/:\d+$/, ''));
      const ka = group?.directive.block?.find((d) => d.name === 'keepalive');
      if (!group || !ka) continue;
      const version11 = effective(scope, 'proxy_http_version');
      const connection = headerValue(scope, 'Connection');
      const problems: string[] = [];
      if (version11.directive ? version11.value === '1.0' : old) problems.push(`proxy_http_version is 1.0${version11.directive ? '' : ` (the default ${versionClause(version, SINCE)})`}`);
      if (connection === undefined && old) problems.push(`the Connection header is not cleared (proxy_set_header Connection "";), so nginx sends "Connection: close" ${versionClause(version, SINCE)}`);
      else if (connection !== undefined && connection.toLowerCase() === 'close') problems.push('proxy_set_header Connection "close" disables reuse');
      if (!problems.length) continue;
      out.push({
        line: directive.line,
        directive: 'proxy_pass',
        facts: { upstream: group.name, keepalive: ka.args.join(' '), proxy_http_version: version11.directive ? version11.value : '1.0 (default)' },
        note: `upstream ${group.name} has keepalive ${ka.args.join(' ')} (input line ${ka.line}), but ${problems.join(' and ')}: connections are not reused, or a stale one is reused and the backend closes it (502 "upstream prematurely closed connection").`,
        confidence: 'medium',
      });
    }
    return out;
  },
};
