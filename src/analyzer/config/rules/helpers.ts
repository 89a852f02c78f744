/** Small helpers shared by the config rules. */
import type { ConfDirective } from '../parse-nginx.ts';
import { lookup, lookupAll, type LocationView, type NginxModel, type Scope } from '../model.ts';
import type { FpmPool, ParsedFpmConfig } from '../parse-fpm.ts';
import { poolSetting } from '../parse-fpm.ts';
import { defaultOf } from '../defaults.ts';

/** Locations (and servers, for directives set at server level) that contain `name` directly. */
export function scopesWith(model: NginxModel, name: string): { scope: Scope; directive: ConfDirective; location?: LocationView }[] {
  const out: { scope: Scope; directive: ConfDirective; location?: LocationView }[] = [];
  for (const loc of model.locations) {
    for (const d of loc.scope.directives) if (d.name === name) out.push({ scope: loc.scope, directive: d, location: loc });
  }
  for (const srv of model.servers) {
    for (const d of srv.directives) if (d.name === name) out.push({ scope: srv, directive: d });
  }
  return out;
}

/** Effective value of a single-valued directive: explicit (with its line) or the reference default. */
export function effective(scope: Scope | null, name: string): { value: string; directive?: ConfDirective } {
  const d = lookup(scope, name);
  if (d) return { value: d.args.join(' '), directive: d };
  return { value: defaultOf(name) };
}

/** Does any proxy_set_header at the effective level set `header` (case-insensitive)? Returns its value. */
export function headerValue(scope: Scope, header: string): string | undefined {
  const h = header.toLowerCase();
  const d = lookupAll(scope, 'proxy_set_header').find((x) => x.args[0]?.toLowerCase() === h);
  return d ? (d.args[1] ?? '') : undefined;
}

/** "unix:/run/php.sock" → {socket}, "127.0.0.1:9000" → {host, port}; null for variables and upstream names. */
export function parsePassTarget(target: string): { socket: string } | { host: string; port: string } | null {
  if (target.includes('$')) return null;
  const t = target.replace(/^[a-z]+:\/\//, '');
  if (t.startsWith('unix:')) return { socket: t.slice(5).replace(/:.*$/, '') };
  const m = /^(\[[0-9a-fA-F:.]+\]|[\w.-]+):(\d+)/.exec(t);
  return m ? { host: m[1]!, port: m[2]! } : null;
}

/** A pool's `listen` as a socket path or host/port (php-fpm accepts "9000", "127.0.0.1:9000", "[::]:9000", a path). */
export function poolListen(pool: FpmPool): { socket: string; line: number } | { host: string; port: string; line: number } | null {
  const l = pool.settings.get('listen');
  if (!l) return null;
  const v = l.value;
  if (v.startsWith('/')) return { socket: v, line: l.line };
  if (/^\d+$/.test(v)) return { host: '*', port: v, line: l.line };
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(v);
  return m ? { host: m[1]!, port: m[2]!, line: l.line } : null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function sameTcp(a: { host: string; port: string }, b: { host: string; port: string }): boolean {
  if (a.port !== b.port) return false;
  if (a.host === '*' || b.host === '*' || a.host === '0.0.0.0' || b.host === '0.0.0.0' || a.host === '[::]' || b.host === '[::]') return true;
  return a.host === b.host || (LOOPBACK.has(a.host) && LOOPBACK.has(b.host));
}

export function pools(fpm: ParsedFpmConfig | null): FpmPool[] {
  return fpm?.pools ?? [];
}

export { poolSetting };

/** The host part of a proxy_pass URL ("http://$backend:8080/x" → "$backend:8080"). */
export function proxyHost(url: string): string {
  return url.replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
}
