/**
 * upstream{} keepalive only reuses connections when nginx speaks HTTP/1.1 to
 * the backend and clears the Connection header.
 */
import { CAUSES } from '../../cause-ids.ts';
import { effective, headerValue, proxyHost, scopesWith } from './helpers.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';

export const keepaliveHttp11: ConfigRule = {
  id: 'keepalive-without-http11',
  cause: CAUSES.keepalive,
  title: 'upstream keepalive without proxy_http_version 1.1 and an empty Connection header',
  check({ nginx }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const { scope, directive } of scopesWith(nginx, 'proxy_pass')) {
      const group = nginx.upstreams.get(proxyHost(directive.args[0] ?? '').replace(/:\d+$/, ''));
      const ka = group?.directive.block?.find((d) => d.name === 'keepalive');
      if (!group || !ka) continue;
      const version = effective(scope, 'proxy_http_version');
      const connection = headerValue(scope, 'Connection');
      const problems: string[] = [];
      if (version.value === '1.0') problems.push(`proxy_http_version is 1.0${version.directive ? '' : ' (default)'}`);
      if (connection === undefined) problems.push('the Connection header is not cleared (proxy_set_header Connection "";)');
      else if (connection.toLowerCase() === 'close') problems.push('proxy_set_header Connection "close" disables reuse');
      if (!problems.length) continue;
      out.push({
        line: directive.line,
        directive: 'proxy_pass',
        facts: { upstream: group.name, keepalive: ka.args.join(' '), proxy_http_version: version.value },
        note: `upstream ${group.name} has keepalive ${ka.args.join(' ')} (input line ${ka.line}), but ${problems.join(' and ')}: connections are not reused, or a stale one is reused and the backend closes it (502 "upstream prematurely closed connection"). ${version.directive ? '' : `The reference default of proxy_http_version is ${version.value}; nginx releases before it changed (the lab's 1.22 included) default to 1.0.`}`.trim(),
        confidence: 'medium',
      });
    }
    return out;
  },
};
