/** proxy_ssl_verify on without proxy_ssl_trusted_certificate (nginx -t refuses it; without verify depth the chain fails). */
import { CAUSES } from '../../cause-ids.ts';
import { effective, scopesWith } from './helpers.ts';
import type { ConfigRule } from './types.ts';

export const sslVerifyTrusted: ConfigRule = {
  id: 'ssl-verify-without-trusted-certificate',
  cause: CAUSES.sslVerifyFailed,
  title: 'proxy_ssl_verify on without proxy_ssl_trusted_certificate',
  check({ nginx }) {
    if (!nginx) return [];
    return scopesWith(nginx, 'proxy_pass').flatMap(({ scope, directive }) => {
      const verify = effective(scope, 'proxy_ssl_verify');
      if (verify.value !== 'on') return [];
      const trusted = effective(scope, 'proxy_ssl_trusted_certificate');
      if (trusted.value) return [];
      return [
        {
          line: verify.directive?.line ?? directive.line,
          directive: 'proxy_ssl_verify',
          facts: { upstream: directive.args[0] ?? '' },
          note: `proxy_ssl_verify is on for ${directive.args[0]} but no proxy_ssl_trusted_certificate is set: nginx -t fails ("no proxy_ssl_trusted_certificate for proxy_ssl_verify"), and with a wrong CA file every handshake fails with "upstream SSL certificate verify error" (502).`,
          confidence: 'high' as const,
        },
      ];
    });
  },
};
