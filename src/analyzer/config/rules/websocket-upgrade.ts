/** A location that looks like a WebSocket endpoint but does not pass the Upgrade handshake. */
import { CAUSES } from '../../cause-ids.ts';
import { effective, headerValue } from './helpers.ts';
import type { ConfigRule } from './types.ts';

const WS_PATH = /(?:^|[/\s^~=])(?:ws|wss|websockets?|socket\.io|sockjs|cable|hubs?|signalr|graphql-ws|realtime)(?:[/$\s]|$)|websocket/i;

export const websocketUpgrade: ConfigRule = {
  id: 'websocket-without-upgrade',
  cause: CAUSES.websocket,
  title: 'WebSocket-looking location without Upgrade/Connection headers',
  check({ nginx }) {
    if (!nginx) return [];
    return nginx.locations.flatMap((loc) => {
      if (!WS_PATH.test(loc.path)) return [];
      const pass = loc.scope.directives.find((d) => d.name === 'proxy_pass');
      if (!pass) return [];
      const upgrade = headerValue(loc.scope, 'Upgrade');
      const connection = headerValue(loc.scope, 'Connection');
      const version = effective(loc.scope, 'proxy_http_version');
      const missing: string[] = [];
      if (upgrade === undefined) missing.push('proxy_set_header Upgrade $http_upgrade');
      if (connection === undefined || !/upgrade|\$connection_upgrade/i.test(connection)) missing.push('proxy_set_header Connection "upgrade"');
      if (version.value === '1.0') missing.push('proxy_http_version 1.1');
      if (!missing.length) return [];
      return [
        {
          line: loc.scope.owner!.line,
          directive: 'location',
          facts: { location: loc.path, upstream: pass.args[0] ?? '' },
          note: `location ${loc.path} looks like a WebSocket endpoint but lacks ${missing.join(', ')}: nginx does not forward the Upgrade handshake, so the socket never opens (the app may answer 400/502, or the connection closes).`,
          confidence: 'medium' as const,
        },
      ];
    });
  },
};
