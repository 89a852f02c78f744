/**
 * An error page or response headers pasted from a browser or curl:
 * "502 Bad Gateway", "<hr><center>nginx/1.22.1</center>", "Server: cloudflare",
 * "awselb/2.0", "Cloudflare Ray ID: …". Tells who produced the 502.
 */
import type { Recognised } from './recognised.ts';
import { dict } from '../dict.ts';

export interface Producer {
  name: string;
  version?: string;
}

/** Product tokens as they appear on error pages and in Server headers (lower-case key → display name). */
const PRODUCERS: Record<string, string> = dict({
  nginx: 'nginx',
  openresty: 'openresty',
  tengine: 'tengine',
  cloudflare: 'cloudflare',
  awselb: 'awselb',
  'microsoft-azure-application-gateway': 'Microsoft-Azure-Application-Gateway',
  cloudfront: 'cloudfront',
  akamaighost: 'AkamaiGHost',
  varnish: 'varnish',
  envoy: 'envoy',
  'istio-envoy': 'istio-envoy',
  caddy: 'caddy',
  'google frontend': 'Google Frontend',
  gfe: 'Google Frontend',
  traefik: 'traefik',
  haproxy: 'haproxy',
});

/** Producers that sit in front of nginx (a CDN or a cloud load balancer). */
export const EDGE_PRODUCERS = new Set(['cloudflare', 'awselb', 'Microsoft-Azure-Application-Gateway', 'cloudfront', 'AkamaiGHost', 'Google Frontend']);

const STATUS_TEXT = /\b(50[234]) (Bad Gateway|Gateway Time-?out|Service (?:Temporarily )?Unavailable)\b/i;
const TOKEN = /^(?:Server:\s*|<hr>\s*<center>|<center>)?([A-Za-z][\w -]{1,40}?)(?:\/([\w.-]{1,32}))?(?:\s*\(\w+\))?(?:<\/center>)?$/i;

export function recogniseBrowserPage(s: string, at: number): (Recognised & { producer?: Producer }) | null {
  if (s.length - at > 300) return null;
  const text = (at === 0 ? s : s.slice(at)).trim();
  const facts: Record<string, string> = {};
  let producer: Producer | undefined;
  const t = TOKEN.exec(text);
  if (t) {
    const name = PRODUCERS[t[1]!.toLowerCase()];
    if (name) producer = t[2] ? { name, version: t[2] } : { name };
  }
  if (!producer && /Cloudflare Ray ID|cf-ray:/i.test(text)) producer = { name: 'cloudflare' };
  const st = STATUS_TEXT.exec(text);
  if (st) facts.status = st[1]!;
  if (!producer && !st) return null;
  // Headers like "HTTP/1.1 502 Bad Gateway" or an HTML title/heading are page fragments.
  if (!producer && !/^(?:HTTP\/[\d.]+ |<[a-z]|Error code |\d{3} |[\w ]{0,20}50[234])/i.test(text)) return null;
  if (producer) {
    facts.producer = producer.name;
    if (producer.version) facts.version = producer.version;
  }
  return producer ? { kind: 'browser', facts, producer } : { kind: 'browser', facts };
}
