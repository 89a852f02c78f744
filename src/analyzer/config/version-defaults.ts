/**
 * Defaults that changed between nginx releases, from nginx's CHANGES
 * (docs/xml/nginx/changes.xml). @nginx/reference-lib documents only the newest
 * release; this table gives the value older releases use.
 */
import { atLeast, type NginxVersion } from './nginx-version.ts';

export interface DefaultChange {
  /** Directive name; `proxy_set_header Connection` for the implicit header. */
  directive: string;
  /** Release that changed it. */
  since: string;
  /** Default before `since` ("" = not set / off). */
  before: string;
  /** The CHANGES entry, abridged. */
  change: string;
}

export const DEFAULT_CHANGES: DefaultChange[] = [
  {
    directive: 'proxy_http_version',
    since: '1.29.7',
    before: '1.0',
    change: 'now ngx_http_proxy_module supports keepalive by default; the default value for "proxy_http_version" is "1.1"',
  },
  {
    directive: 'proxy_set_header Connection',
    since: '1.29.7',
    before: 'close',
    change: 'the "Connection" proxy header is not sent by default anymore',
  },
  {
    directive: 'keepalive',
    since: '1.29.7',
    before: '',
    change: 'now the "keepalive" directive in the "upstream" block is enabled by default',
  },
  {
    directive: 'proxy_ssl_protocols',
    since: '1.27.3',
    before: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
    change: 'now TLSv1 and TLSv1.1 protocols are disabled by default',
  },
  {
    directive: 'proxy_ssl_protocols',
    since: '1.23.4',
    before: 'TLSv1 TLSv1.1 TLSv1.2',
    change: 'now TLSv1.3 protocol is enabled by default',
  },
  {
    directive: 'keepalive_requests',
    since: '1.19.10',
    before: '100',
    change: 'the default value of the "keepalive_requests" directive was changed to 1000',
  },
];

export interface VersionedDefault {
  /** The default for the input's nginx, or the newest one when the version is unknown. */
  value: string;
  /** When the default differs across releases and the version does not settle it: "1.1 since nginx 1.29.7, 1.0 before". */
  varies?: string;
  /** When the input's nginx is older than a change: the release that changed it (the value is the old one). */
  changedIn?: string;
}

/** The default of `directive` for the input's nginx; `current` is the reference (newest) default. */
export function defaultFor(directive: string, current: string, version: NginxVersion | null | undefined): VersionedDefault {
  // Newest change first: walk back while the input is older than the change.
  const changes = DEFAULT_CHANGES.filter((c) => c.directive === directive);
  let value = current;
  let changedIn: string | undefined;
  for (const c of changes) {
    const newer = atLeast(version, c.since);
    if (newer === true) break;
    if (newer === undefined) {
      return { value, varies: `${value === '' ? 'set' : value} since nginx ${c.since}, ${c.before === '' ? 'unset' : c.before} before` };
    }
    value = c.before;
    changedIn = c.since;
  }
  return changedIn ? { value, changedIn } : { value };
}
