/**
 * The closed vocabularies of the content contract. Filters, sidebar badges,
 * the catalog API and the analyzer all read these lists, so a new value is
 * added here once and everything else follows.
 */

/** Where the fault lives. */
export const LAYERS = {
  'upstream-app': 'Upstream application',
  'process-manager': 'Upstream process manager',
  network: 'Network / firewall',
  dns: 'DNS',
  tls: 'TLS',
  'nginx-config': 'nginx configuration',
  'nginx-resources': 'nginx host resources',
  'load-balancer-cdn': 'Load balancer / CDN',
  client: 'Client',
} as const;
export type Layer = keyof typeof LAYERS;

/** Stacks; each value except `generic` has a guide at /stacks/<value>/ (see stackGuideUrl). */
export const STACKS = {
  generic: 'Any backend',
  'php-fpm': 'PHP-FPM',
  nodejs: 'Node.js',
  python: 'Python (Gunicorn, uWSGI)',
  apache: 'Apache behind nginx',
  docker: 'Docker',
  kubernetes: 'Kubernetes',
  'aws-alb': 'AWS ALB',
  'azure-application-gateway': 'Azure Application Gateway',
  cloudflare: 'Cloudflare',
  openresty: 'OpenResty',
  'redis-mysql': 'Redis / MySQL backed apps',
} as const;
export type Stack = keyof typeof STACKS;

/** The stack guide's URL, or null for `generic` ("Any backend"), which names no stack and so has no guide. */
export function stackGuideUrl(stack: Stack): string | null {
  return stack === 'generic' ? null : `/stacks/${stack}/`;
}

/** What kind of input a signature reads. */
export const SOURCES = {
  'nginx-error': 'nginx error log',
  'nginx-access': 'nginx access log',
  'nginx-entrypoint': "the nginx container image's entrypoint scripts",
  'php-fpm': 'PHP-FPM log',
  kernel: 'kernel log',
  systemd: 'systemd journal',
  gunicorn: 'Gunicorn log',
  uwsgi: 'uWSGI log',
  node: 'Node.js / pm2 log',
  apache: 'Apache error log',
  supervisor: 'supervisord log',
  ruby: 'Ruby app server log (Puma, Unicorn, Passenger)',
  platform: 'hosting platform router (Heroku, Fly.io)',
  selinux: 'SELinux audit log',
  ingress: 'ingress / Kubernetes',
  'app-server': 'application server log (GitLab Workhorse/Puma, Passenger, Kong…)',
  browser: 'error page seen in a browser',
  'load-balancer': 'load balancer / CDN log',
  app: 'application message (PHP, framework, database driver), also inside FastCGI stderr',
  'nginx-cli': 'nginx command-line output (nginx -t)',
  'process-manager': 'process manager or hosting-platform runtime (supervisord, Heroku dynos, Cloud Run, kubelet)',
} as const;
export type Source = keyof typeof SOURCES;

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Fixed anchors every cause article keeps, in this order. */
export const CAUSE_SECTIONS = ['symptoms', 'why', 'confirm', 'fix', 'verify', 'prevent'] as const;
export type CauseSection = (typeof CAUSE_SECTIONS)[number];
