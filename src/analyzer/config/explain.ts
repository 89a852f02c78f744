/**
 * "Explain this config": for every place that passes requests upstream, the
 * directives that decide 502/504 behaviour with their effective value, the
 * default they override (for the input's nginx version when it is known) and
 * what they do. Deterministic: values from the paste, defaults from the
 * reference data and the version table, effects from the table below.
 */
import type { ExplainEntry } from '../types.ts';
import { lookup, lookupAll, mainDirective, type NginxModel, type Scope } from './model.ts';
import type { ParsedFpmConfig } from './parse-fpm.ts';
import type { UwsgiConfig } from './parse-uwsgi.ts';
import type { DeployConfig } from './parse-deploy-yaml.ts';
import type { NginxVersion } from './nginx-version.ts';
import { DEFAULTS } from './defaults.ts';
import { defaultFor } from './version-defaults.ts';
import { ANNOTATIONS } from './ingress-annotations.ts';

/** What each directive does to upstream errors. */
export const EFFECTS: Record<string, string> = {
  proxy_pass: 'Where requests go. A refused, reset or unreachable target is a 502; the scheme must match what the backend speaks (http:// to a TLS port or https:// to a plain one is a 502).',
  fastcgi_pass: 'The PHP-FPM (FastCGI) address. It must be exactly the pool\'s listen (socket path or host:port); anything else is a 502.',
  uwsgi_pass: 'The uWSGI address; it must be a uWSGI "socket" (uwsgi protocol), not an http/http-socket listener, or the answer is a 502.',
  grpc_pass: 'The gRPC backend; it needs an HTTP/2 (h2c or TLS) listener, not HTTP/1.1.',
  proxy_connect_timeout: 'How long nginx waits to open the connection; when it expires: 504 "upstream timed out … while connecting" (and the next server is tried).',
  fastcgi_connect_timeout: 'How long nginx waits to connect to PHP-FPM; when it expires: 504.',
  uwsgi_connect_timeout: 'How long nginx waits to connect to uWSGI; when it expires: 504.',
  grpc_connect_timeout: 'How long nginx waits to connect to the gRPC backend; when it expires: 504.',
  proxy_read_timeout: 'Longest silence between two reads of the response: a backend slower than this gets a 504 "upstream timed out … while reading response header".',
  fastcgi_read_timeout: 'Longest silence from PHP-FPM: a script slower than this gets a 504 (unless php-fpm kills it first: then 502).',
  uwsgi_read_timeout: 'Longest silence from uWSGI: slower requests get a 504 (unless harakiri kills the worker first: then 502).',
  grpc_read_timeout: 'Longest silence from the gRPC backend: slower calls get a 504.',
  proxy_send_timeout: 'Longest pause while sending the request body: a backend that stops reading gets a 504.',
  fastcgi_send_timeout: 'Longest pause while sending the request to PHP-FPM: 504 when exceeded.',
  uwsgi_send_timeout: 'Longest pause while sending the request to uWSGI: 504 when exceeded.',
  proxy_buffer_size: 'Holds the whole response header; headers larger than it (big cookies, long redirects) give 502 "upstream sent too big header".',
  fastcgi_buffer_size: 'Holds the whole FastCGI response header; larger headers give 502 "upstream sent too big header".',
  uwsgi_buffer_size: 'Holds the whole uWSGI response header; larger headers give 502 "upstream sent too big header".',
  grpc_buffer_size: 'Holds the gRPC response header; larger headers give 502.',
  proxy_next_upstream: 'Which failures are retried on the next server: a failure that is not listed (or a non-idempotent request already sent) reaches the client as 502/504.',
  fastcgi_next_upstream: 'Which failures are retried on the next FastCGI server.',
  proxy_next_upstream_tries: 'How many servers one request may try (0 = all of them).',
  proxy_http_version: 'HTTP version spoken to the backend. 1.0 cannot keep connections alive nor carry a WebSocket Upgrade (the socket never opens).',
  'proxy_set_header Connection': 'The Connection header sent upstream: "close" prevents keepalive reuse; WebSockets need "upgrade".',
  proxy_ssl_server_name: 'Whether nginx sends SNI to a TLS backend. Off: CDNs and shared TLS hosts reject or misroute the handshake (502 "SSL_do_handshake() failed").',
  proxy_ssl_verify: 'Whether nginx checks the backend certificate; on without proxy_ssl_trusted_certificate every handshake fails (502).',
  proxy_ssl_protocols: 'TLS versions offered to the backend; no overlap with the backend is a 502 "SSL_do_handshake() failed … protocol".',
  keepalive: 'Idle connections kept per worker for reuse. Reusing one the backend already closed gives an occasional 502 "upstream prematurely closed connection".',
  keepalive_timeout: 'How long an idle upstream connection is kept; it must be below the backend\'s own idle timeout.',
  resolver: 'DNS server for names resolved at run time (variables in proxy_pass, "resolve" servers). Without it those requests fail with 502 "no resolver defined".',
  server: 'An upstream server with its failure accounting: max_fails failures within fail_timeout take it out for fail_timeout; "down" takes it out for good. With every server out nginx answers 502 "no live upstreams" at once.',
  worker_connections: 'Connections per worker, client and upstream together: a proxied request uses two.',
  worker_rlimit_nofile: 'File descriptors per worker; below the connections it needs, accept()/connect() fail with "Too many open files" (502/500).',
  user: 'The account nginx workers run as: it must be allowed to open the PHP-FPM / uWSGI socket file.',
  'php-fpm listen': 'Where the pool listens; nginx\'s fastcgi_pass must name exactly this.',
  'php-fpm listen.owner/group/mode': 'Who may connect to the pool\'s socket; the nginx user needs write permission, or 502 "Permission denied".',
  'php-fpm listen.allowed_clients': 'IP addresses allowed to connect over TCP; any other client is closed at once (502 "Connection reset by peer").',
  'php-fpm pm.max_children': 'Most PHP requests served at once; beyond it requests queue in the listen backlog and wait (504) or are refused (502).',
  'php-fpm request_terminate_timeout': 'PHP-FPM kills a request running longer than this: nginx then gets a 502 "prematurely closed" instead of a 504.',
  'php-fpm listen.backlog': 'Connections queued while all children are busy; a full backlog refuses connections (502, EAGAIN on a socket).',
  'uwsgi socket': 'uwsgi-protocol listener: pair it with uwsgi_pass, not proxy_pass.',
  'uwsgi http': 'HTTP listener (http / http-socket): pair it with proxy_pass, not uwsgi_pass.',
  'uwsgi harakiri': 'uWSGI kills a worker whose request runs longer than this: a 502 for that request. Keep it below nginx\'s uwsgi_read_timeout.',
  'uwsgi buffer-size': 'Largest request header block uWSGI accepts (default 4096): bigger ones are refused ("invalid request block size") and nginx returns 502.',
  VIRTUAL_PORT: 'nginx-proxy sends traffic to this container port; without it, to the single exposed port or 80. The app must listen there.',
  VIRTUAL_PROTO: 'Protocol nginx-proxy speaks to the container (http, https, uwsgi, fastcgi); it must match the app.',
};

const PASSES: [pass: string, prefix: string][] = [['proxy_pass', 'proxy'], ['fastcgi_pass', 'fastcgi'], ['uwsgi_pass', 'uwsgi'], ['grpc_pass', 'grpc']];

/** Directives shown for a location, after its pass directive. */
function perPass(prefix: string, target: string): string[] {
  const list = [`${prefix}_connect_timeout`, `${prefix}_read_timeout`];
  if (prefix !== 'grpc') list.push(`${prefix}_send_timeout`);
  list.push(`${prefix}_buffer_size`);
  if (prefix === 'proxy' || prefix === 'fastcgi') list.push(`${prefix}_next_upstream`);
  if (prefix === 'proxy') {
    list.push('proxy_http_version');
    if (target.startsWith('https://')) list.push('proxy_ssl_server_name', 'proxy_ssl_verify', 'proxy_ssl_protocols');
  }
  return list;
}

interface ExplainInput {
  nginx: NginxModel | null;
  fpm: ParsedFpmConfig | null;
  uwsgi: UwsgiConfig[];
  deploy: DeployConfig | null;
  version: NginxVersion | null;
}

export const MAX_EXPLAIN = 300;
const MAX_ENTRIES = MAX_EXPLAIN;

function scopeName(s: Scope): string {
  const o = s.owner;
  if (!o) return 'pasted fragment';
  if (o.name === 'server') {
    const name = s.directives.find((d) => d.name === 'server_name')?.args[0];
    return name ? `server ${name}` : 'server';
  }
  return [o.name, ...o.args].join(' ');
}

export function explainConfig(input: ExplainInput): ExplainEntry[] {
  const out: ExplainEntry[] = [];
  const push = (e: ExplainEntry): void => {
    if (out.length < MAX_ENTRIES) out.push(e);
  };
  const withDefault = (directive: string, scope: Scope | null, where: string): void => {
    const d = lookup(scope, directive);
    // The reference writes platform-dependent sizes as "4k|8k" (one memory page).
    const ref = (DEFAULTS.directives[directive]?.default ?? '').replace(/^(\w+)\|(\w+)$/, '$1 or $2 (one memory page)');
    const def = defaultFor(directive, ref, input.version);
    const e: ExplainEntry = { directive, scope: where, value: d ? d.args.join(' ') : `${def.value || '(none)'} (default)`, effect: EFFECTS[directive] ?? '' };
    if (d) e.line = d.line;
    if (def.value !== '' || d) e.default = def.changedIn ? `${def.value || '(none)'} on this nginx (changed in ${def.changedIn})` : def.value || '(none)';
    if (def.varies) e.defaultVaries = def.varies;
    push(e);
  };
  const m = input.nginx;
  if (m) {
    for (const name of ['user', 'worker_connections', 'worker_rlimit_nofile']) {
      const d = mainDirective(m, name);
      if (d) push({ directive: name, scope: 'main', value: d.args.join(' '), line: d.line, default: DEFAULTS.directives[name]?.default ?? '', effect: EFFECTS[name]! });
    }
    const seen = new Set<string>();
    for (const loc of m.locations) {
      if (out.length >= MAX_ENTRIES) break;
      for (const [pass, prefix] of PASSES) {
        const p = loc.scope.directives.find((d) => d.name === pass);
        if (!p) continue;
        const where = loc.scope.owner ? `location ${loc.path}${loc.scope.parent?.owner ? ` (${scopeName(loc.scope.parent)})` : ''}` : 'pasted fragment';
        const key = `${where}|${pass}`;
        if (seen.has(key)) continue;
        seen.add(key);
        push({ directive: pass, scope: where, value: p.args.join(' '), line: p.line, effect: EFFECTS[pass]! });
        for (const name of perPass(prefix, p.args[0] ?? '')) withDefault(name, loc.scope, where);
        if (prefix === 'proxy') {
          const conn = lookupAll(loc.scope, 'proxy_set_header').find((d) => d.args[0]?.toLowerCase() === 'connection');
          const def = defaultFor('proxy_set_header Connection', '(not sent)', input.version);
          const e: ExplainEntry = { directive: 'proxy_set_header Connection', scope: where, value: conn ? (conn.args[1] ?? '') : `${def.value} (default)`, default: def.changedIn ? `${def.value} on this nginx (changed in ${def.changedIn})` : def.value, effect: EFFECTS['proxy_set_header Connection']! };
          if (conn) e.line = conn.line;
          if (def.varies) e.defaultVaries = def.varies;
          push(e);
        }
        const host = (p.args[0] ?? '').replace(/^[a-z]+:\/\//, '');
        if (host.includes('$')) {
          const r = lookup(loc.scope, 'resolver');
          push({ directive: 'resolver', scope: where, value: r ? r.args.join(' ') : '(none)', ...(r ? { line: r.line } : {}), effect: EFFECTS.resolver! });
        }
      }
    }
    for (const g of m.upstreams.values()) {
      for (const s of g.servers) {
        const args = s.args.slice(1);
        const { max_fails, fail_timeout } = DEFAULTS.upstreamServer;
        push({ directive: 'server', scope: `upstream ${g.name}`, value: s.args.join(' '), line: s.line, default: `max_fails=${max_fails} fail_timeout=${fail_timeout}`, effect: EFFECTS.server! + (args.length === 0 && g.servers.length === 1 ? ' This group has a single server: every failure of it reaches the client.' : '') });
      }
      const ka = g.directive.block?.find((d) => d.name === 'keepalive');
      const def = defaultFor('keepalive', DEFAULTS.directives.keepalive?.default ?? '', input.version);
      const e: ExplainEntry = { directive: 'keepalive', scope: `upstream ${g.name}`, value: ka ? ka.args.join(' ') : `${def.value || 'off'} (default)`, default: def.changedIn ? `${def.value || 'off'} on this nginx (changed in ${def.changedIn})` : def.value || 'off', effect: EFFECTS.keepalive! };
      if (ka) e.line = ka.line;
      if (def.varies) e.defaultVaries = def.varies.replace(/unset before/, 'off before');
      push(e);
    }
  }
  for (const pool of input.fpm?.pools ?? []) {
    const where = `pool ${pool.name}`;
    for (const [key, label] of [['listen', 'php-fpm listen'], ['listen.owner', 'php-fpm listen.owner/group/mode'], ['listen.group', 'php-fpm listen.owner/group/mode'], ['listen.mode', 'php-fpm listen.owner/group/mode'], ['listen.allowed_clients', 'php-fpm listen.allowed_clients'], ['pm.max_children', 'php-fpm pm.max_children'], ['request_terminate_timeout', 'php-fpm request_terminate_timeout'], ['listen.backlog', 'php-fpm listen.backlog']] as const) {
      const s = pool.settings.get(key);
      if (s) push({ directive: `php-fpm ${key}`, scope: where, value: s.value, line: s.line, effect: EFFECTS[label]! });
    }
  }
  for (const u of input.uwsgi) {
    for (const [name, o] of u.options) {
      const label = name === 'socket' || name === 'uwsgi-socket' ? 'uwsgi socket' : name === 'http' || name === 'http-socket' ? 'uwsgi http' : `uwsgi ${name}`;
      if (EFFECTS[label]) push({ directive: `uwsgi ${name}`, scope: 'uWSGI', value: o.value, line: o.line, ...(name === 'buffer-size' ? { default: '4096' } : {}), effect: EFFECTS[label]! });
    }
  }
  for (const ing of input.deploy?.ingresses ?? []) {
    for (const [key, v] of ing.annotations) {
      for (const [prefix, table] of Object.entries(ANNOTATIONS)) {
        if (!key.startsWith(prefix)) continue;
        const meaning = table[key.slice(prefix.length)];
        if (!meaning) continue;
        const base = meaning.directive.split(' ')[0]!;
        // ingress-nginx ignores a timeout that is not whole seconds: the default stays in effect.
        const ignored = meaning.unitlessSeconds && !/^\s*\d+\s*$/.test(v.value);
        const value = ignored ? `${v.value} (ignored: not whole seconds, so ${meaning.controllerDefault} applies)` : meaning.unitlessSeconds ? `${v.value.trim()}s` : v.value;
        push({ directive: key, scope: `Ingress ${ing.name}`, value, line: v.line, ...(meaning.controllerDefault ? { default: meaning.controllerDefault } : {}), effect: `Sets ${meaning.directive}. ${EFFECTS[base] ?? ''}`.trim() });
      }
    }
  }
  for (const file of input.deploy?.compose ?? []) {
    for (const svc of file.services.values()) {
      for (const name of ['VIRTUAL_PORT', 'VIRTUAL_PROTO']) {
        const v = svc.env.get(name);
        if (v) push({ directive: name, scope: `service ${svc.name}`, value: v.value, line: v.line, default: name === 'VIRTUAL_PORT' ? 'the single exposed port, else 80' : 'http', effect: EFFECTS[name]! });
      }
    }
  }
  return out;
}
