/**
 * A navigable view of a parsed nginx configuration: the main/events/http
 * scopes, every server and location with its chain of enclosing scopes (for
 * inheritance), and the upstream{} groups.
 */
import type { ConfDirective } from './parse-nginx.ts';

export interface Scope {
  /** The block directive ("http", "server", "location"…) or null for the main context. */
  owner: ConfDirective | null;
  parent: Scope | null;
  directives: ConfDirective[];
}

export interface LocationView {
  scope: Scope;
  /** The location's path argument(s), e.g. "/ws" or "~ \.php$". */
  path: string;
}

export interface UpstreamGroup {
  name: string;
  directive: ConfDirective;
  servers: ConfDirective[];
}

export interface NginxModel {
  main: Scope;
  http: Scope | null;
  servers: Scope[];
  locations: LocationView[];
  upstreams: Map<string, UpstreamGroup>;
  /** The paste had location-level directives with no enclosing block (a lone `proxy_pass` line): they form a location of their own. */
  fragment: boolean;
  /** Pass directives the poster kept commented out (set by the caller from the parse; none when unknown). */
  commentedPasses?: ConfDirective[];
}

/** Directives that only make sense in a location: when they sit at top level, the paste is a cut-out location body. */
const LOCATION_LEVEL = /^(?:proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass|scgi_pass|proxy_set_header|proxy_http_version|fastcgi_param|try_files)$/;

function child(owner: ConfDirective, parent: Scope): Scope {
  return { owner, parent, directives: owner.block ?? [] };
}

export function buildModel(directives: ConfDirective[]): NginxModel {
  const main: Scope = { owner: null, parent: null, directives };
  const model: NginxModel = { main, http: null, servers: [], locations: [], upstreams: new Map(), fragment: false };
  const walk = (scope: Scope): void => {
    for (const d of scope.directives) {
      if (!d.block) continue;
      const s = child(d, scope);
      switch (d.name) {
        case 'http':
          model.http ??= s;
          walk(s);
          break;
        case 'server':
          model.servers.push(s);
          walk(s);
          break;
        case 'location':
          model.locations.push({ scope: s, path: d.args.join(' ') });
          walk(s);
          break;
        case 'upstream':
          if (d.args[0]) {
            model.upstreams.set(d.args[0], { name: d.args[0], directive: d, servers: (d.block ?? []).filter((x) => x.name === 'server') });
          }
          break;
        case 'if':
          // Directives inside `if` only apply conditionally; rules look at them only through `allIn`.
          walk(s);
          break;
        case 'events':
          walk(s);
          break;
        default:
          break; // map, types, geo, limit_except…: not scopes the rules care about
      }
    }
  };
  walk(main);
  if (directives.some((d) => !d.block && LOCATION_LEVEL.test(d.name))) {
    model.fragment = true;
    model.locations.unshift({ scope: main, path: '(pasted fragment)' });
  }
  return model;
}

/** The nearest directive `name` along the scope chain (nginx's inheritance for single-valued directives). */
export function lookup(scope: Scope | null, name: string): ConfDirective | undefined {
  for (let s = scope; s; s = s.parent) {
    for (let i = s.directives.length - 1; i >= 0; i--) {
      if (s.directives[i]!.name === name) return s.directives[i];
    }
  }
  return undefined;
}

/** Array directives (proxy_set_header…): inherited only from the nearest level that defines any. */
export function lookupAll(scope: Scope | null, name: string): ConfDirective[] {
  for (let s = scope; s; s = s.parent) {
    const here = s.directives.filter((d) => d.name === name);
    if (here.length) return here;
  }
  return [];
}

/** Every directive `name` anywhere in the tree. */
export function allIn(directives: ConfDirective[], name: string, out: ConfDirective[] = []): ConfDirective[] {
  for (const d of directives) {
    if (d.name === name) out.push(d);
    if (d.block) allIn(d.block, name, out);
  }
  return out;
}

/** The directive's value in main context (user, worker_rlimit_nofile) or events (worker_connections). */
export function mainDirective(model: NginxModel, name: string): ConfDirective | undefined {
  const direct = model.main.directives.find((d) => d.name === name);
  if (direct) return direct;
  const events = model.main.directives.find((d) => d.name === 'events');
  return events?.block?.find((d) => d.name === name);
}
