/**
 * A location that looks like a WebSocket endpoint but does not pass the
 * Upgrade handshake: Upgrade/Connection headers missing, or HTTP/1.0 to the
 * backend (the default before nginx 1.29.7).
 */
import { CAUSES } from '../../cause-ids.ts';
import { effective, headerValue } from './helpers.ts';
import type { ConfigRule } from './types.ts';
import { oldDefaultApplies, versionClause } from './version-note.ts';

/** A location path (or request path) that looks like a WebSocket endpoint. */
export const WS_PATH = /(?:^|[/\s^~=])(?:ws|wss|websockets?|socket\.io|sockjs|cable|hubs?|signalr|graphql-ws|realtime)(?:[/$\s]|$)|websocket/i;
const SINCE = '1.29.7';

export const websocketUpgrade: ConfigRule = {
  id: 'websocket-without-upgrade',
  cause: CAUSES.websocket,
  title: 'WebSocket-looking location without Upgrade/Connection headers or HTTP/1.1',
  check({ nginx, version }) {
    if (!nginx) return [];
    return nginx.locations.flatMap((loc) => {
      const pass = loc.scope.directives.find((d) => d.name === 'proxy_pass');
      const upgrade = headerValue(loc.scope, 'Upgrade');
      // A pasted fragment of proxy_set_header lines forwarding Upgrade is a proxied location too.
      if (!pass && !(loc.scope.owner === null && upgrade !== undefined)) return [];
      const connection = headerValue(loc.scope, 'Connection');
      // A location is a WebSocket endpoint by its path, or because it already forwards Upgrade.
      if (!WS_PATH.test(loc.path) && upgrade === undefined) return [];
      const v = effective(loc.scope, 'proxy_http_version');
      const missing: string[] = [];
      if (upgrade === undefined) missing.push('proxy_set_header Upgrade $http_upgrade');
      if (connection === undefined || !/upgrade|\$connection_upgrade|\$http_connection/i.test(connection)) missing.push('proxy_set_header Connection "upgrade"');
      if (v.directive ? v.value === '1.0' : oldDefaultApplies(version, SINCE)) missing.push(`proxy_http_version 1.1${v.directive ? '' : ` ${versionClause(version, SINCE)}`}`);
      if (!missing.length) return [];
      return [
        {
          line: loc.scope.owner?.line ?? pass?.line ?? loc.scope.directives.find((d) => d.name === 'proxy_set_header')!.line,
          directive: loc.scope.owner ? 'location' : pass ? 'proxy_pass' : 'proxy_set_header',
          facts: { location: loc.path, upstream: pass?.args[0] ?? '' },
          note: `location ${loc.path} looks like a WebSocket endpoint but lacks ${missing.join(', ')}: nginx does not forward the Upgrade handshake, so the socket never opens (the app may answer 400/502, or the connection closes).`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
