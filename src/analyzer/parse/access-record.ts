/**
 * What every access-log parser (combined/common/main, ingress, the user's own
 * log_format, JSON) produces. Values stay strings as nginx wrote them; only
 * the few numbers the statistics need are converted.
 */
import { dict } from '../dict.ts';

export interface AccessRecord {
  format: 'combined' | 'common' | 'main' | 'ingress' | 'custom' | 'json';
  client?: string;
  /** ISO local time. */
  time?: string;
  method?: string;
  /** Path without the query string (for top URIs). */
  uri?: string;
  request?: string;
  status?: number;
  bytes?: number;
  referer?: string;
  userAgent?: string;
  xff?: string;
  host?: string;
  /** "502, 200" / "502 : 200" as logged. */
  upstreamStatus?: string;
  upstreamAddr?: string;
  upstreamResponseTime?: string;
  upstreamConnectTime?: string;
  upstreamHeaderTime?: string;
  requestTime?: number;
}

export type AccessField = Exclude<keyof AccessRecord, 'format'>;

/**
 * nginx variable (or a common short key used in key=value tails and JSON
 * logs) → record field. Lower-case keys.
 */
export const FIELD_ALIASES: Record<string, AccessField> = dict({
  remote_addr: 'client', realip_remote_addr: 'client', client: 'client', client_ip: 'client', remote_ip: 'client', ip: 'client', clientip: 'client',
  time_local: 'time', time_iso8601: 'time', time: 'time', timestamp: 'time', '@timestamp': 'time', ts: 'time',
  request: 'request', request_method: 'method', method: 'method',
  request_uri: 'uri', uri: 'uri', path: 'uri', url: 'uri',
  status: 'status', status_code: 'status', response_status: 'status', s: 'status',
  body_bytes_sent: 'bytes', bytes_sent: 'bytes', bytes: 'bytes', size: 'bytes',
  http_referer: 'referer', referer: 'referer', referrer: 'referer',
  http_user_agent: 'userAgent', user_agent: 'userAgent', ua_string: 'userAgent', agent: 'userAgent',
  http_x_forwarded_for: 'xff', xff: 'xff', x_forwarded_for: 'xff',
  host: 'host', http_host: 'host', server_name: 'host', vhost: 'host',
  upstream_status: 'upstreamStatus', us: 'upstreamStatus', ups: 'upstreamStatus', upstream_response_status: 'upstreamStatus', u_status: 'upstreamStatus',
  upstream_addr: 'upstreamAddr', ua: 'upstreamAddr', upstream: 'upstreamAddr', upa: 'upstreamAddr', u_addr: 'upstreamAddr',
  upstream_response_time: 'upstreamResponseTime', urt: 'upstreamResponseTime', upt: 'upstreamResponseTime', u_rt: 'upstreamResponseTime',
  upstream_connect_time: 'upstreamConnectTime', uct: 'upstreamConnectTime',
  upstream_header_time: 'upstreamHeaderTime', uht: 'upstreamHeaderTime',
  request_time: 'requestTime', rt: 'requestTime', rqt: 'requestTime', duration: 'requestTime',
});

/** "GET /a/b?x=1 HTTP/1.1" → method, uri (no query). */
export function splitRequest(rec: AccessRecord, request: string): void {
  rec.request = request;
  const sp = request.indexOf(' ');
  if (sp === -1) return;
  rec.method = request.slice(0, sp);
  let end = request.indexOf(' ', sp + 1);
  if (end === -1) end = request.length;
  const q = request.indexOf('?', sp + 1);
  rec.uri = request.slice(sp + 1, q !== -1 && q < end ? q : end);
}

function toNumber(v: string): number | undefined {
  if (v === '' || v === '-') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Assigns a raw value to a field, converting the few numeric ones. */
export function setField(rec: AccessRecord, field: AccessField, value: string, timeParser?: (v: string) => string | undefined): void {
  switch (field) {
    case 'status': {
      const n = toNumber(value);
      if (n !== undefined) rec.status = n;
      return;
    }
    case 'bytes': {
      const n = toNumber(value);
      if (n !== undefined) rec.bytes = n;
      return;
    }
    case 'requestTime': {
      const n = toNumber(value);
      if (n !== undefined) rec.requestTime = n;
      return;
    }
    case 'time': {
      const t = timeParser ? timeParser(value) : value;
      if (t) rec.time = t;
      return;
    }
    case 'request':
      splitRequest(rec, value);
      return;
    case 'uri': {
      const q = value.indexOf('?');
      rec.uri = q === -1 ? value : value.slice(0, q);
      return;
    }
    default:
      if (value !== '' && value !== '-') rec[field] = value;
  }
}

/** The facts a LineResult / evidence carries for an access line. */
export function accessFacts(rec: AccessRecord): Record<string, string> {
  const f: Record<string, string> = {};
  if (rec.client) f.client = rec.client;
  if (rec.request) f.request = rec.request;
  else if (rec.uri) f.request = rec.method ? `${rec.method} ${rec.uri}` : rec.uri;
  if (rec.status !== undefined) f.status = String(rec.status).padStart(3, '0');
  if (rec.host) f.host = rec.host;
  if (rec.upstreamStatus) f.upstream_status = rec.upstreamStatus;
  if (rec.upstreamAddr) f.upstream = rec.upstreamAddr;
  if (rec.upstreamResponseTime) f.upstream_response_time = rec.upstreamResponseTime;
  if (rec.requestTime !== undefined) f.request_time = String(rec.requestTime);
  return f;
}
