/** Where pass directives and upstream servers send requests, in one shape for the rules. */
import type { ConfDirective } from '../parse-nginx.ts';
import type { NginxModel, Scope } from '../model.ts';
import { scopesWith } from './helpers.ts';

export interface PassTarget {
  /** The pass directive (or the upstream `server` line for group members). */
  directive: ConfDirective;
  /** The location/server scope of the pass directive. */
  scope: Scope;
  pass: 'proxy_pass' | 'fastcgi_pass' | 'uwsgi_pass' | 'grpc_pass';
  /** "http", "https", "grpc", "grpcs" or "" (fastcgi/uwsgi). */
  scheme: string;
  /** Host as written ("app", "10.0.0.5", "[::1]"), without the port. */
  host: string;
  /** Port as written, or the scheme's default when the pass has none (undefined for sockets and fastcgi without a port). */
  port?: string;
  /** Name of the upstream{} group when the host is one. */
  group?: string;
  socket?: string;
  variable: boolean;
}

const PASSES = ['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'grpc_pass'] as const;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443', grpc: '80', grpcs: '443' };

function split(addr: string): { host: string; port?: string } {
  const m = /^(\[[^\]]*\]|[^:/]*)(?::(\d+))?/.exec(addr);
  return m ? { host: m[1]!, port: m[2] } : { host: addr };
}

const cache = new WeakMap<NginxModel, PassTarget[]>();

/** Every pass target; a pass to an upstream group yields one target per server of the group. Computed once per model. */
export function passTargets(model: NginxModel): PassTarget[] {
  const hit = cache.get(model);
  if (hit) return hit;
  const out: PassTarget[] = [];
  cache.set(model, out);
  for (const pass of PASSES) {
    for (const { scope, directive } of scopesWith(model, pass)) {
      const raw = directive.args[0] ?? '';
      const sm = /^([a-z]+):\/\//.exec(raw);
      const scheme = sm ? sm[1]! : '';
      const rest = raw.slice(sm ? sm[0].length : 0);
      if (rest.startsWith('unix:')) {
        out.push({ directive, scope, pass, scheme, host: '', socket: rest.slice(5).replace(/:.*$/, ''), variable: false });
        continue;
      }
      const hostPart = rest.replace(/\/.*$/, '');
      if (hostPart.includes('$')) {
        out.push({ directive, scope, pass, scheme, host: hostPart, variable: true });
        continue;
      }
      const { host, port } = split(hostPart);
      const group = model.upstreams.get(hostPart) ?? (port === undefined ? model.upstreams.get(host) : undefined);
      if (group) {
        for (const s of group.servers) {
          const { host: h, port: p } = split((s.args[0] ?? '').replace(/^unix:.*/, ''));
          if (!h) continue;
          out.push({ directive: s, scope, pass, scheme, host: h, port: p ?? (scheme ? DEFAULT_PORT[scheme] : undefined), group: group.name, variable: false });
        }
        continue;
      }
      out.push({ directive, scope, pass, scheme, host, port: port ?? (scheme ? DEFAULT_PORT[scheme] : undefined), variable: false });
    }
  }
  return out;
}

export const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;
export const IP_HOST = /^(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]*\])$/;
export const PRIVATE_IP = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|127\.|\[(?:::1|f[cd][0-9a-f]*:)[^\]]*\])/i;
/** Ports where a backend almost always speaks TLS, and ones where it almost always speaks plain HTTP. */
export const TLS_PORTS = new Set(['443', '8443', '9443']);
export const PLAIN_PORTS = new Set(['80', '8080', '8000', '3000', '5000', '8081', '8888', '9000']);
