/**
 * Who can produce the error page a user sees, what that means and where to
 * go next. One table for the paste detector (who-returned.ts) and for the
 * question flow (questions.ts), so both give the same advice.
 */

export type ProducerId =
  | 'nginx'
  | 'openresty'
  | 'backend'
  | 'app-direct'
  | 'gitlab'
  | 'kong'
  | 'apisix'
  | 'ingress-nginx'
  | 'cloudflare'
  | 'cloudflare-origin'
  | 'cloudflare-520'
  | 'cloudflare-521'
  | 'cloudflare-522'
  | 'cloudflare-523'
  | 'cloudflare-524'
  | 'cloudflare-525'
  | 'cloudflare-526'
  | 'aws-alb'
  | 'azure-appgw'
  | 'cloudfront'
  | 'google-lb'
  | 'edge-other'
  | 'client-side';

export interface ProducerInfo {
  id: ProducerId;
  /** Who generated the response, in a few words. */
  title: string;
  /** The next step, one or two sentences; `code` spans in backticks. */
  next: string;
  link: { href: string; label: string };
}

const p = (id: ProducerId, title: string, next: string, href: string, label: string): ProducerInfo => ({ id, title, next, link: { href, label } });

export const PRODUCERS: Record<ProducerId, ProducerInfo> = {
  nginx: p(
    'nginx',
    'nginx generated this page',
    'Your nginx (or another nginx in the chain — compare the version with `nginx -v`) failed to get a response from its upstream. Its error log has a line at the same second: read it, or paste it into the analyzer.',
    '/guides/triage/#2-read-the-first-error-log-line',
    'Read the first error-log line',
  ),
  openresty: p(
    'openresty',
    'OpenResty generated this page (Nginx Proxy Manager, Kong, APISIX or an OpenResty build)',
    'An OpenResty-based proxy failed to reach its upstream. Read that proxy’s error log (for Nginx Proxy Manager: `docker logs` of its container), not your backend’s.',
    '/stacks/openresty/',
    'OpenResty and the proxies built on it',
  ),
  backend: p(
    'backend',
    'The backend answered 502 itself; the proxy passed it through',
    'nginx logged no error for this request: `$upstream_status` is 502 and the body is the application’s (or a deeper proxy’s). Look at the backend’s own logs.',
    '/causes/upstream-returned-502/',
    'The upstream returned 502',
  ),
  'app-direct': p(
    'app-direct',
    'An application server answered directly (no nginx on this hop)',
    'The Server header names an application server, so nginx is not the hop that answered — or it passes the backend’s Server header. Check the application’s log.',
    '/causes/upstream-returned-502/',
    'The upstream returned 502',
  ),
  gitlab: p(
    'gitlab',
    'GitLab Workhorse (Puma did not answer)',
    'GitLab’s own 502 page: Puma is booting, crashed or too slow. Run `gitlab-ctl status` and `gitlab-ctl tail puma`.',
    '/causes/gitlab-workhorse-502/',
    'GitLab’s own 502',
  ),
  kong: p(
    'kong',
    'Kong answered',
    'Kong’s own message: “An invalid response…” is an ordinary upstream failure (see Kong’s error.log), “failure to get a peer from the ring-balancer” means no healthy target.',
    '/causes/api-gateway-own-error/',
    'Kong or APISIX answered the 502/503',
  ),
  apisix: p(
    'apisix',
    'Apache APISIX answered',
    'Look for `failed to pick server` or a connect error in APISIX’s error.log at that second.',
    '/causes/api-gateway-own-error/',
    'Kong or APISIX answered the 502/503',
  ),
  'ingress-nginx': p(
    'ingress-nginx',
    'ingress-nginx (Kubernetes) answered',
    'Read the controller pod’s log (`kubectl logs -n ingress-nginx deploy/ingress-nginx-controller`): no ready endpoints, “no peer was returned”, or a plain upstream error.',
    '/stacks/kubernetes/',
    'nginx in Kubernetes',
  ),
  cloudflare: p(
    'cloudflare',
    'Cloudflare itself failed (its plain page)',
    'A problem inside Cloudflare, not at your origin: check Cloudflare’s status page and quote the Ray ID to their support.',
    '/causes/cdn-or-load-balancer-502/',
    'A CDN or load balancer returned the 502',
  ),
  'cloudflare-origin': p(
    'cloudflare-origin',
    'Your origin answered 502/504; Cloudflare shows it branded',
    'The origin itself returned 502/504. Debug the origin’s nginx as usual (its error log), finding the request by its cf-ray.',
    '/stacks/cloudflare/',
    'nginx behind Cloudflare',
  ),
  'cloudflare-520': p(
    'cloudflare-520',
    'Cloudflare 520: the origin’s answer was empty or invalid',
    'The origin reset or closed the connection, sent oversized headers, broke HTTP/2, or demands a client certificate (Authenticated Origin Pulls). Lower the origin’s error_log to info and match the cf-ray.',
    '/stacks/cloudflare/#what-the-origins-nginx-logs-at-that-moment',
    'What the origin logs for each 52x code',
  ),
  'cloudflare-521': p(
    'cloudflare-521',
    'Cloudflare 521: the origin refused the connection',
    'Nothing accepts on 80/443 at the origin (nginx down) or a firewall REJECTs Cloudflare’s addresses. nginx logs nothing.',
    '/causes/nginx-not-running/',
    'nginx not running',
  ),
  'cloudflare-522': p(
    'cloudflare-522',
    'Cloudflare 522: connecting to the origin timed out',
    'SYNs are dropped (firewall, fail2ban, full accept queue) or DNS points at the wrong address. nginx logs nothing.',
    '/causes/firewall-blocks-backend-port/',
    'Firewall blocks the port',
  ),
  'cloudflare-523': p(
    'cloudflare-523',
    'Cloudflare 523: the origin is unreachable',
    'Cloudflare has no route to the address in DNS: check the A/AAAA records.',
    '/stacks/cloudflare/',
    'nginx behind Cloudflare',
  ),
  'cloudflare-524': p(
    'cloudflare-524',
    'Cloudflare 524: the origin took longer than 100 s',
    'nginx is still waiting on a slow backend; its access log shows a 499 about 100 s after the request. Make the request faster or move it to background work.',
    '/causes/client-closed-request/',
    '499: client closed the request',
  ),
  'cloudflare-525': p(
    'cloudflare-525',
    'Cloudflare 525: the TLS handshake with the origin failed',
    'SSL mode Full/Full (strict) but the origin’s 443 has no TLS for that name, or no shared protocol/cipher. nginx logs it at info.',
    '/causes/ssl-handshake-sni/',
    'TLS handshake / SNI',
  ),
  'cloudflare-526': p(
    'cloudflare-526',
    'Cloudflare 526: the origin’s certificate is invalid',
    'Full (strict) mode: the origin’s certificate is expired, self-signed or for another name. Check what nginx presents with `openssl s_client -servername`.',
    '/causes/ssl-certificate-verify-failed/',
    'Certificate verification',
  ),
  'aws-alb': p(
    'aws-alb',
    'An AWS Application Load Balancer generated the response',
    'The ALB got no valid answer from its targets (or has none healthy). nginx may have logged nothing; check target health and that nginx’s keepalive_timeout exceeds the ALB idle timeout.',
    '/stacks/aws-alb/',
    'nginx behind an AWS ALB',
  ),
  'azure-appgw': p(
    'azure-appgw',
    'Azure Application Gateway generated the response',
    'Check the backend health blade; a failing health probe or a TLS/hostname mismatch towards nginx is the usual cause.',
    '/stacks/azure-application-gateway/',
    'nginx behind Azure Application Gateway',
  ),
  cloudfront: p(
    'cloudfront',
    'AWS CloudFront generated the response',
    'CloudFront could not get a valid answer from the origin (connection, TLS or timeout).',
    '/causes/cdn-or-load-balancer-502/',
    'A CDN or load balancer returned the 502',
  ),
  'google-lb': p(
    'google-lb',
    'A Google Cloud load balancer generated the response',
    'Check the backend service’s health checks and the timeout between the load balancer and nginx.',
    '/causes/cdn-or-load-balancer-502/',
    'A CDN or load balancer returned the 502',
  ),
  'edge-other': p(
    'edge-other',
    'A CDN or load balancer in front generated the response',
    'nginx may never have seen the request. Request the origin directly (`curl --resolve`) to compare.',
    '/causes/cdn-or-load-balancer-502/',
    'A CDN or load balancer returned the 502',
  ),
  'client-side': p(
    'client-side',
    'Something on the client’s side (a corporate proxy, antivirus, VPN)',
    'Only some users see it: compare from another network and look for Via or proxy headers the site does not send.',
    '/causes/client-side-502/',
    'Client-side 502',
  ),
};

/** The Cloudflare code a branded page or the status carries, as a producer. */
export function cloudflareCode(code: number): ProducerInfo {
  if (code === 502 || code === 504) return PRODUCERS['cloudflare-origin'];
  const id = `cloudflare-${code}` as ProducerId;
  return PRODUCERS[id] ?? PRODUCERS['cloudflare-520'];
}
