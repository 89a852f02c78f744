/**
 * Extracts the nginx directive defaults the config rules rely on from
 * @nginx/reference-lib into directive-defaults.json (small, committed), so the
 * engine stays free of Node APIs and of the 1.7 MB reference data.
 *
 *   npx node src/analyzer/config/gen-defaults.ts        # rewrite the JSON
 * A unit test regenerates it in memory and compares, so it cannot drift.
 */
import { getDirectives, Format } from '@nginx/reference-lib';

/** Directives the rules read, with the module that defines the http (or core) one. */
export const USED: [name: string, module: string][] = [
  ['user', 'Core functionality'],
  ['worker_connections', 'Core functionality'],
  ['worker_rlimit_nofile', 'Core functionality'],
  ['proxy_read_timeout', 'ngx_http_proxy_module'],
  ['proxy_connect_timeout', 'ngx_http_proxy_module'],
  ['proxy_buffer_size', 'ngx_http_proxy_module'],
  ['proxy_buffers', 'ngx_http_proxy_module'],
  ['proxy_busy_buffers_size', 'ngx_http_proxy_module'],
  ['proxy_http_version', 'ngx_http_proxy_module'],
  ['proxy_ssl_server_name', 'ngx_http_proxy_module'],
  ['proxy_ssl_verify', 'ngx_http_proxy_module'],
  ['proxy_ssl_trusted_certificate', 'ngx_http_proxy_module'],
  ['fastcgi_read_timeout', 'ngx_http_fastcgi_module'],
  ['fastcgi_buffer_size', 'ngx_http_fastcgi_module'],
  ['fastcgi_buffers', 'ngx_http_fastcgi_module'],
  ['fastcgi_busy_buffers_size', 'ngx_http_fastcgi_module'],
  ['uwsgi_read_timeout', 'ngx_http_uwsgi_module'],
  ['grpc_read_timeout', 'ngx_http_grpc_module'],
  ['keepalive', 'ngx_http_upstream_module'],
  ['resolver', 'ngx_http_core_module'],
  ['resolver_timeout', 'ngx_http_core_module'],
  ['proxy_send_timeout', 'ngx_http_proxy_module'],
  ['proxy_next_upstream', 'ngx_http_proxy_module'],
  ['proxy_next_upstream_tries', 'ngx_http_proxy_module'],
  ['proxy_next_upstream_timeout', 'ngx_http_proxy_module'],
  ['proxy_buffering', 'ngx_http_proxy_module'],
  ['proxy_intercept_errors', 'ngx_http_proxy_module'],
  ['proxy_ssl_protocols', 'ngx_http_proxy_module'],
  ['proxy_ssl_name', 'ngx_http_proxy_module'],
  ['fastcgi_connect_timeout', 'ngx_http_fastcgi_module'],
  ['fastcgi_send_timeout', 'ngx_http_fastcgi_module'],
  ['fastcgi_next_upstream', 'ngx_http_fastcgi_module'],
  ['fastcgi_keep_conn', 'ngx_http_fastcgi_module'],
  ['uwsgi_connect_timeout', 'ngx_http_uwsgi_module'],
  ['uwsgi_send_timeout', 'ngx_http_uwsgi_module'],
  ['uwsgi_buffer_size', 'ngx_http_uwsgi_module'],
  ['uwsgi_next_upstream', 'ngx_http_uwsgi_module'],
  ['grpc_connect_timeout', 'ngx_http_grpc_module'],
  ['grpc_buffer_size', 'ngx_http_grpc_module'],
  ['keepalive_timeout', 'ngx_http_upstream_module'],
  ['keepalive_requests', 'ngx_http_upstream_module'],
  ['client_max_body_size', 'ngx_http_core_module'],
  ['proxy_ssl_verify_depth', 'ngx_http_proxy_module'],
];

export interface DirectiveDefault {
  default: string;
  contexts: string[];
  module: string;
}

export interface DirectiveDefaults {
  source: string;
  directives: Record<string, DirectiveDefault>;
  /** Defaults of `server` parameters in upstream{} (from the directive's description). */
  upstreamServer: { max_fails: number; fail_timeout: string };
  /** Every directive name nginx knows (tells a new directive from the continuation of one whose ";" was lost). */
  names: string[];
}

export function generateDefaults(): DirectiveDefaults {
  const all = getDirectives(Format.Markdown);
  const directives: Record<string, DirectiveDefault> = {};
  for (const [name, module] of USED) {
    const d = all.find((x) => x.name === name && x.module === module);
    if (!d) throw new Error(`@nginx/reference-lib has no ${name} in ${module}`);
    directives[name] = { default: d.default, contexts: d.contexts, module: d.module };
  }
  const server = all.find((x) => x.name === 'server' && x.module === 'ngx_http_upstream_module');
  const text = server?.description ?? '';
  const maxFails = /number of unsuccessful attempts is set to (\d+)/.exec(text);
  const failTimeout = /`fail_timeout`[\s\S]{0,600}?By default, the parameter is set to (\d+) seconds/.exec(text);
  if (!maxFails || !failTimeout) throw new Error('could not read max_fails / fail_timeout defaults from the upstream server description');
  return {
    source: '@nginx/reference-lib',
    directives,
    upstreamServer: { max_fails: Number(maxFails[1]), fail_timeout: `${failTimeout[1]}s` },
    names: [...new Set(all.map((x) => x.name))].sort(),
  };
}

export function serialise(d: DirectiveDefaults): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}

if (import.meta.main) {
  const { writeFileSync } = await import('node:fs');
  const out = new URL('./directive-defaults.json', import.meta.url);
  writeFileSync(out, serialise(generateDefaults()));
  console.log(`wrote ${out.pathname}`);
}
