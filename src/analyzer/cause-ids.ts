/**
 * Every cause slug the engine itself refers to (config rules, correlations,
 * producers). Each must be a cause article (content/causes/<slug>.mdx); a
 * unit test checks that against the catalog. When one is missing at run time
 * the engine still reports it, with the fallback title below.
 */
export const CAUSES = {
  connectionRefused: 'connection-refused',
  socketMissing: 'php-fpm-socket-missing',
  upstreamTimedOut: 'upstream-timed-out',
  socketPermission: 'php-fpm-socket-permission-denied',
  noLiveUpstreams: 'no-live-upstreams',
  prematurelyClosed: 'upstream-prematurely-closed',
  connectionReset: 'connection-reset-by-peer',
  tooBigHeader: 'upstream-sent-too-big-header',
  maxChildren: 'php-fpm-max-children',
  listenBacklog: 'php-fpm-listen-backlog-full',
  terminateTimeout: 'php-fpm-request-terminate-timeout',
  childCrashed: 'php-fpm-child-crashed',
  resolverNotDefined: 'resolver-not-defined',
  sslHandshakeSni: 'ssl-handshake-sni',
  sslVerifyFailed: 'ssl-certificate-verify-failed',
  keepalive: 'keepalive-misconfigured',
  websocket: 'websocket-upgrade-missing',
  tooManyOpenFiles: 'too-many-open-files',
  localhostIpv6: 'localhost-resolves-to-ipv6',
  upstreamReturned502: 'upstream-returned-502',
  retryHidFailingPeer: 'retry-hid-failing-peer',
  cdnOrLoadBalancer: 'cdn-or-load-balancer-502',
} as const;

export type EngineCause = (typeof CAUSES)[keyof typeof CAUSES];

/** Titles used when the catalog has no article for the slug (yet). */
export const FALLBACK: Record<EngineCause, { title: string; status: number; severity: 'critical' | 'high' | 'medium' | 'low'; fix: string }> = {
  'connection-refused': { title: 'Upstream refused the connection', status: 502, severity: 'critical', fix: 'Start the backend, or point the pass directive at the address it listens on ({upstream}).' },
  'php-fpm-socket-missing': { title: 'Unix socket missing', status: 502, severity: 'critical', fix: 'Make the pass directive and the backend (PHP-FPM, Gunicorn, uWSGI, Puma…) use the same socket ({socket}), and check that the backend runs.' },
  'upstream-timed-out': { title: 'Upstream timed out', status: 504, severity: 'high', fix: 'Find why the backend is slow, or align nginx read timeout ({timeout}) with the backend limits.' },
  'php-fpm-socket-permission-denied': { title: 'nginx may not use the unix socket', status: 502, severity: 'critical', fix: 'Give the nginx user ({user}) write access to {socket} and search access to its directories (PHP-FPM pool {pool}: listen.owner / listen.group / listen.mode).' },
  'no-live-upstreams': { title: 'No live upstreams', status: 502, severity: 'high', fix: 'Fix the failures that disabled the servers of {upstream}; consider max_fails/fail_timeout and a backup server.' },
  'upstream-prematurely-closed': { title: 'Upstream closed the connection early', status: 502, severity: 'high', fix: 'Find why the backend closes connections ({upstream}).' },
  'connection-reset-by-peer': { title: 'Upstream reset the connection', status: 502, severity: 'high', fix: 'Find why the backend resets connections ({upstream}).' },
  'upstream-sent-too-big-header': { title: 'Upstream sent too big header', status: 502, severity: 'high', fix: 'Raise {directive} (currently {value}) or shrink the response headers.' },
  'php-fpm-max-children': { title: 'PHP-FPM reached pm.max_children', status: 504, severity: 'high', fix: 'Raise pm.max_children of pool {pool} (now {max_children}) within memory limits, or make scripts faster.' },
  'php-fpm-listen-backlog-full': { title: 'PHP-FPM listen backlog full', status: 502, severity: 'high', fix: 'Raise listen.backlog of pool {pool} and net.core.somaxconn, and add capacity.' },
  'php-fpm-request-terminate-timeout': { title: 'PHP-FPM killed a slow script', status: 502, severity: 'high', fix: 'Align request_terminate_timeout of pool {pool} with nginx fastcgi_read_timeout and max_execution_time.' },
  'php-fpm-child-crashed': { title: 'PHP-FPM child crashed or was killed', status: 502, severity: 'critical', fix: 'Find why PHP-FPM children die ({signal}): memory limits, the OOM killer, extensions.' },
  'resolver-not-defined': { title: 'No resolver defined', status: 502, severity: 'high', fix: 'Add a resolver directive (e.g. resolver 127.0.0.53;) where {upstream} is proxied.' },
  'ssl-handshake-sni': { title: 'Upstream TLS handshake failed (SNI)', status: 502, severity: 'high', fix: 'Add proxy_ssl_server_name on; (and proxy_ssl_name) for {upstream}.' },
  'ssl-certificate-verify-failed': { title: 'Upstream certificate not trusted', status: 502, severity: 'high', fix: 'Set proxy_ssl_trusted_certificate to the CA that signed the certificate of {upstream}.' },
  'keepalive-misconfigured': { title: 'Upstream keepalive misconfigured', status: 502, severity: 'medium', fix: 'With keepalive in upstream {upstream}, set proxy_http_version 1.1; and proxy_set_header Connection "";' },
  'websocket-upgrade-missing': { title: 'WebSocket upgrade headers missing', status: 502, severity: 'medium', fix: 'In location {location}, add proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade";' },
  'too-many-open-files': { title: 'Too many open files', status: 500, severity: 'high', fix: 'Raise worker_rlimit_nofile (and LimitNOFILE) above twice worker_connections ({worker_connections}).' },
  'localhost-resolves-to-ipv6': { title: 'localhost resolves to ::1 first', status: 502, severity: 'medium', fix: 'Use 127.0.0.1 instead of localhost in {upstream}, or make the backend listen on ::1 too.' },
  'upstream-returned-502': { title: 'The backend itself returned the 502', status: 502, severity: 'high', fix: 'Look at the backend logs for {upstream}: nginx only passed its error through.' },
  'retry-hid-failing-peer': { title: 'A retry hid a failing upstream server', status: 200, severity: 'medium', fix: 'Fix or remove the failing server {upstream}; clients got answers only because nginx retried another server.' },
  'cdn-or-load-balancer-502': { title: 'The 502 came from a CDN or load balancer', status: 502, severity: 'high', fix: 'The error page came from {producer}, not from nginx: check that {producer} can reach nginx (origin health checks, TLS, timeouts).' },
};
