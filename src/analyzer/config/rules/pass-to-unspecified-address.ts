/** A pass to 0.0.0.0 or [::]: listen addresses ("all interfaces") are not addresses one can connect to. */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets } from './targets.ts';
import type { ConfigRule } from './types.ts';

const UNSPECIFIED = /^(?:0\.0\.0\.0|\[::\]|\[0:0:0:0:0:0:0:0\]|::)$/;

export const passToUnspecifiedAddress: ConfigRule = {
  id: 'pass-to-unspecified-address',
  cause: CAUSES.boundWrongInterface,
  title: 'proxy_pass / fastcgi_pass / upstream server to 0.0.0.0 or [::]',
  check({ nginx }) {
    if (!nginx) return [];
    return passTargets(nginx)
      .filter((t) => UNSPECIFIED.test(t.host))
      .map((t) => ({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}` },
        note: `${t.directive.name} ${t.directive.args[0]} connects to the unspecified address ${t.host}, which means "every interface" only for listening. Linux sends such a connection to the local host (${t.host === '0.0.0.0' ? '127.0.0.1' : '::1, refused when the backend listens on IPv4 only'}); macOS, the BSDs and Windows refuse it outright. Connect to the backend's real address (127.0.0.1, the service name).`,
        confidence: 'medium' as const,
      }));
  },
};
