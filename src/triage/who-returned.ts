/**
 * "Who returned this 502?" from what a user can paste: response headers, a
 * `curl -sv` / `curl -I` transcript, or the error page's HTML. Pure: no DOM,
 * no Node APIs (used by the triage page's script and by unit tests).
 *
 * Product tokens (Server headers, page footers) are read with the analyzer's
 * own recogniser, so the two never disagree about who "cloudflare" or
 * "awselb/2.0" is.
 */
import { EDGE_PRODUCERS, recogniseBrowserPage, type Producer as Token } from '../analyzer/parse/browser-page.ts';
import { PRODUCERS, cloudflareCode, type ProducerId, type ProducerInfo } from './producers.ts';

export interface Verdict {
  producer: ProducerId;
  info: ProducerInfo;
  /** e.g. "1.22.1" when the page or header names it. */
  version?: string;
  /** The HTTP status the paste shows, when it shows one. */
  status?: number;
  /** What in the paste led to the verdict, for the user to check. */
  evidence: string[];
  /** Layers the response passed through on its way (e.g. Cloudflare in front of the origin's nginx). */
  via: string[];
}

export type WhoResult = { ok: true; verdict: Verdict } | { ok: false; reason: string };

interface Parsed {
  status?: number;
  headers: Map<string, string[]>;
  body: string;
}

const MAX_INPUT = 512 * 1024;
const STATUS_LINE = /^HTTP\/[\d.]+ (\d{3})\b/;
const HEADER = /^([A-Za-z0-9-]{1,64}):[ \t]*(.*)$/;

/** Splits a paste into response status, response headers and body; curl's "< ", "> ", "* " prefixes understood. */
export function parsePaste(input: string): Parsed {
  const headers = new Map<string, string[]>();
  const body: string[] = [];
  let status: number | undefined;
  let inHeaders = false;
  const add = (name: string, value: string) => headers.set(name, [...(headers.get(name) ?? []), value.trim()]);
  for (const raw of input.slice(0, MAX_INPUT).split(/\r?\n/)) {
    // curl -v: request lines (">"), notes ("*"), data markers ("{ [157 bytes data]") are not the response.
    if (/^(?:[>*](?: |$)|[{}] \[)/.test(raw)) continue;
    const fromCurl = /^<(?: |$)/.test(raw);
    // PHP's print_r of a header array ("[1] => Server: awselb/2.0") is pasted too.
    const line = fromCurl ? raw.slice(2) : raw.replace(/^\s*\[\d{1,3}\] => /, '');
    const trimmed = line.trim();
    const st = STATUS_LINE.exec(trimmed);
    if (st) {
      status = Number(st[1]); // the last status line wins (redirects, 100 Continue)
      headers.clear();
      inHeaders = true;
      continue;
    }
    const h = HEADER.exec(trimmed);
    if (inHeaders) {
      if (trimmed === '') {
        inHeaders = false;
        continue;
      }
      if (h) {
        add(h[1]!.toLowerCase(), h[2]!);
        continue;
      }
      inHeaders = false;
    } else if (h && (fromCurl || KNOWN_HEADERS.has(h[1]!.toLowerCase()))) {
      // Headers pasted without their status line.
      add(h[1]!.toLowerCase(), h[2]!);
      continue;
    }
    body.push(line);
  }
  return { status, headers, body: body.join('\n') };
}

const KNOWN_HEADERS = new Set(['server', 'via', 'cf-ray', 'x-cache', 'x-amz-cf-id', 'x-kong-upstream-latency', 'x-kong-proxy-latency', 'content-length', 'content-type', 'date', 'x-served-by', 'x-request-id', 'x-powered-by']);

const header = (p: Parsed, name: string): string | undefined => p.headers.get(name)?.at(-1);

/** Product tokens from the Server header and from <center>…</center> footers of the page. */
function tokens(p: Parsed): { server?: Token; footer?: Token; footerText?: string } {
  const out: { server?: Token; footer?: Token; footerText?: string } = {};
  const server = header(p, 'server');
  if (server) out.server = recogniseBrowserPage(`Server: ${server}`, 0)?.producer ?? { name: server.split('/')[0]!, version: server.split('/')[1] };
  const centers = [...p.body.matchAll(/<center>([^<]{1,80})<\/center>/gi)].map((m) => m[1]!.trim()).filter((t) => !/^\d{3}\b/.test(t));
  const last = centers.at(-1);
  if (last) {
    out.footerText = last;
    const r = recogniseBrowserPage(`<center>${last}</center>`, 0);
    if (r?.producer) out.footer = r.producer;
  }
  return out;
}

function statusFrom(p: Parsed): number | undefined {
  if (p.status) return p.status;
  const t = /<title>(?:[^<|]*\| )?(\d{3})[: ]/i.exec(p.body) ?? /Error code (\d{3})\b/.exec(p.body) ?? /<h1>(\d{3}) /i.exec(p.body);
  return t ? Number(t[1]) : undefined;
}

function verdict(producer: ProducerId, p: Parsed, evidence: string[], extra: Partial<Verdict> = {}): WhoResult {
  return { ok: true, verdict: { producer, info: PRODUCERS[producer], status: statusFrom(p), evidence, via: [], ...extra } };
}

/** nginx's reason phrases for the statuses it generates pages for. */
const NGINX_PHRASE: Record<number, string> = {
  500: '500 Internal Server Error',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
  413: '413 Request Entity Too Large',
};

/**
 * Byte sizes of nginx's built-in error page for a status: the page is a fixed
 * head and a footer naming the server (with or without its version); versions
 * before 1.11.x also had `bgcolor="white"` on <body> (ngx_http_special_response.c).
 */
export function ownPageSizes(status: number, name: string, version?: string): number[] {
  const phrase = NGINX_PHRASE[status];
  if (!phrase) return [];
  const head = (bg: boolean) => `<html>\r\n<head><title>${phrase}</title></head>\r\n<body${bg ? ' bgcolor="white"' : ''}>\r\n<center><h1>${phrase}</h1></center>\r\n`.length;
  const tail = `<hr><center>${name}${version ? `/${version}` : ''}</center>\r\n</body>\r\n</html>\r\n`.length;
  return [head(false) + tail, head(true) + tail];
}

/** Decides who generated the response in the paste. */
export function whoReturned(input: string): WhoResult {
  if (!input.trim()) return { ok: false, reason: 'Paste response headers, a curl -sv transcript or the error page’s HTML.' };
  const p = parsePaste(input);
  const t = tokens(p);
  const body = p.body;
  const server = t.server?.name.toLowerCase();
  const cfRay = header(p, 'cf-ray');
  const via = header(p, 'via') ?? '';
  const ev: string[] = [];
  if (t.server) ev.push(`Server: ${t.server.name}${t.server.version ? `/${t.server.version}` : ''}`);
  if (t.footerText) ev.push(`page footer “${t.footerText}”`);

  // Application-specific pages first: they are unambiguous and sit behind any proxy.
  if (/Whoops, GitLab is taking too much time to respond/i.test(body)) return verdict('gitlab', p, [...ev, 'GitLab’s own 502 page']);
  if (/An invalid response was received from the upstream server|failure to get a peer from the ring-balancer|name resolution failed/i.test(body) || /^kong\b/i.test(server ?? '') || p.headers.has('x-kong-proxy-latency') || p.headers.has('x-kong-upstream-latency')) {
    const own = /An invalid response was received from the upstream server|failure to get a peer from the ring-balancer|name resolution failed/i.test(body);
    if (own || !t.footer) return verdict('kong', p, [...ev, own ? 'Kong’s own error message in the body' : 'Kong headers'], t.server?.version ? { version: t.server.version } : {});
  }
  if (server === 'apisix') return verdict('apisix', p, ev, t.server?.version ? { version: t.server.version } : {});

  // Cloudflare: its own plain page, a branded 52x page, or a relay of the origin's page.
  const cfPage = /<center>cloudflare<\/center>/i.test(body);
  const cfCode = /\| (52[0-7]|50[24]): [^<]{3,80}<\/title>/i.exec(body)?.[1] ?? /Error code (52[0-7])\b/.exec(body)?.[1];
  const behindCf = server === 'cloudflare' || !!cfRay || /Cloudflare Ray ID/i.test(body);
  if (cfPage) return verdict('cloudflare', p, [...ev, 'Cloudflare’s plain error page'], { via: [] });
  if (cfCode || (behindCf && (p.status ?? 0) >= 520 && (p.status ?? 0) <= 527)) {
    const code = Number(cfCode ?? p.status);
    const info = cloudflareCode(code);
    const evidence = [...ev, cfRay ? `cf-ray: ${cfRay}` : 'Cloudflare Ray ID on the page', `Cloudflare error ${code}`];
    return { ok: true, verdict: { producer: info.id, info, status: code, evidence, via: [] } };
  }
  const edgeVia = behindCf ? ['Cloudflare'] : [];

  // Cloud load balancers: the Server header is the reliable tell (an ALB's page has no footer).
  if (server === 'awselb') return verdict('aws-alb', p, ev, { version: t.server?.version });
  if (/microsoft-azure-application-gateway/i.test(header(p, 'server') ?? '') || /Microsoft-Azure-Application-Gateway/i.test(body) || /Web server received an invalid response while acting as a gateway or proxy server/i.test(body))
    return verdict('azure-appgw', p, [...ev, 'Azure Application Gateway signature']);
  if (/Error from cloudfront/i.test(header(p, 'x-cache') ?? '') || /\(CloudFront\)/i.test(via) || /Generated by cloudfront/i.test(body))
    return verdict('cloudfront', p, [...ev, 'CloudFront headers or page']);
  if (/\b1\.1 google\b/i.test(via) && !t.footer) return verdict('google-lb', p, [...ev, 'Via: 1.1 google']);
  if (t.server && EDGE_PRODUCERS.has(t.server.name) && !t.footer) return verdict('edge-other', p, ev, { version: t.server.version });

  // nginx-family pages: the footer names the software that generated the page.
  const footer = t.footer?.name.toLowerCase();
  if (/default backend - 404/i.test(body)) return verdict('ingress-nginx', p, [...ev, 'ingress-nginx default backend page'], { via: edgeVia });
  if (footer === 'openresty') return verdict('openresty', p, ev, { version: t.footer?.version, via: edgeVia });
  if (footer === 'nginx' || footer === 'tengine') {
    const version = t.footer?.version ?? (server === 'nginx' ? t.server?.version : undefined);
    return verdict('nginx', p, [...ev, 'nginx’s own error page'], { version, via: edgeVia });
  }

  // Headers only: nginx's own page has a size we can predict from its version.
  const status = statusFrom(p);
  if (!body.trim() && (server === 'nginx' || server === 'openresty') && status) {
    const length = Number(header(p, 'content-length'));
    const own = ownPageSizes(status, t.server?.name ?? 'nginx', t.server?.version);
    const id: ProducerId = server === 'openresty' ? 'openresty' : 'nginx';
    if (own.includes(length)) return verdict(id, p, [...ev, `Content-Length ${length} is the size of ${t.server?.name}’s own ${status} page`], { version: t.server?.version, via: edgeVia });
    if (Number.isFinite(length) && length > 0)
      return verdict('backend', p, [...ev, `Content-Length ${length} is not the size of ${t.server?.name}’s own ${status} page (${own.join(' or ')})`], { via: edgeVia });
    return { ok: false, reason: `Server: ${t.server?.name} with status ${status} and no body: paste the page too (curl -sv shows both) to tell nginx’s own page from a relayed one.` };
  }

  // Not a known producer's page. With an error status, the body came from further back.
  if (status && status >= 500 && (server === 'nginx' || server === 'openresty' || behindCf)) {
    return verdict('backend', p, [...ev, `${server === 'nginx' || server === 'openresty' ? 'nginx' : 'Cloudflare'} relayed a ${status} whose body is not its own error page`], { via: edgeVia });
  }
  if (status && status >= 500 && t.server) return verdict('app-direct', p, ev, { version: t.server.version });
  if (status && status >= 500 && /Error response|Error code: 50\d|Traceback|"(?:error|message)"\s*:/i.test(body)) return verdict('backend', p, [...ev, 'an application’s error body'], { via: edgeVia });
  return {
    ok: false,
    reason: status
      ? `Status ${status}, but nothing in the paste names who produced it. Paste the response headers too (curl -sv https://… 2>&1).`
      : 'No HTTP status, Server header or known error page found. Paste the output of curl -sv https://your.site/failing/path 2>&1, or the page’s HTML (view source).',
  };
}
