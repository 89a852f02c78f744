/**
 * fastcgi_pass to something that speaks HTTP: an http:// URL, a port web
 * servers use (80, 8080, 443…), or a compose service whose image is an HTTP
 * server (wordpress without "fpm", httpd, nginx, node…).
 */
import { CAUSES } from '../../cause-ids.ts';
import { passTargets } from './targets.ts';
import type { ConfigProblem, ConfigRule } from './types.ts';
import { composeServiceByHost } from './compose-helpers.ts';

const HTTP_PORTS = new Set(['80', '443', '8080', '8443', '3000', '5000', '8000']);
const HTTP_IMAGE = /^(?:[\w.-]+\/)*(?:(?:httpd|nginx|caddy|traefik|node|wordpress|nextcloud|drupal|joomla)(?::[\w.-]*)?|php:[\w.-]*apache[\w.-]*)$/;

export const fastcgiPassToHttp: ConfigRule = {
  id: 'fastcgi-pass-to-http',
  cause: CAUSES.fastcgiPassToHttp,
  title: 'fastcgi_pass to an HTTP server (http:// URL, web port, HTTP image)',
  check({ nginx, deploy }) {
    if (!nginx) return [];
    const out: ConfigProblem[] = [];
    for (const t of passTargets(nginx)) {
      if (t.pass !== 'fastcgi_pass' || t.variable) continue;
      const svc = composeServiceByHost(deploy, t.host);
      const image = svc?.image?.value ?? '';
      const why = t.scheme === 'http' || t.scheme === 'https'
        ? `it is written as a URL (${t.scheme}://), which fastcgi_pass does not take`
        : t.port && HTTP_PORTS.has(t.port)
          ? `port ${t.port} is where web servers speak HTTP, not FastCGI (PHP-FPM listens on 9000 or a socket)`
          : svc && HTTP_IMAGE.test(image) && !/fpm/i.test(image)
            ? `compose service ${svc.name} runs ${image}, an HTTP server image (the PHP-FPM variant is tagged "fpm")`
            : '';
      if (!why) continue;
      out.push({
        line: t.directive.line,
        directive: t.directive.name,
        facts: { upstream: `${t.host}${t.port ? `:${t.port}` : ''}` },
        note: `fastcgi_pass ${t.directive.args[0]}: ${why}. An HTTP server reads the FastCGI record as garbage and closes or answers with HTTP, and nginx returns 502 ("upstream sent unsupported FastCGI protocol version" / "recv() failed (104)"). Use proxy_pass for an HTTP backend, or point fastcgi_pass at PHP-FPM.`,
        confidence: t.scheme ? 'high' : 'medium',
      });
    }
    return out;
  },
};
