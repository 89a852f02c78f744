/**
 * A 502/503/504 in the access log whose last $upstream_status equals it, with
 * no nginx error line in that minute (or a body that is not nginx's own error
 * page): the backend produced the error and nginx only passed it on.
 */
import type { Evidence } from '../types.ts';
import type { AccessRecord } from '../parse/access-record.ts';
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { MAX_CORRELATION_MINUTES } from '../limits.ts';
import { MAX_EVIDENCE } from '../types.ts';
import { splitUpstreamList } from '../stats/collector.ts';
import { own } from '../own.ts';

const REASONS: Record<number, string> = { 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable', 504: '504 Gateway Time-out' };

/** Size of nginx's built-in error page for a status with a Server token of `tokenLength` characters. */
function nginxPageSize(status: number, tokenLength: number): number {
  const t = REASONS[status]!;
  return `<html>\r\n<head><title>${t}</title></head>\r\n<body>\r\n<center><h1>${t}</h1></center>\r\n<hr><center>`.length + tokenLength + '</center>\r\n</body>\r\n</html>\r\n'.length;
}

/** Could `bytes` be nginx's own page ("nginx" … "openresty/1.25.3.1" as the token)? */
export function looksLikeNginxPage(status: number, bytes: number): boolean {
  if (!REASONS[status]) return false;
  return bytes >= nginxPageSize(status, 5) && bytes <= nginxPageSize(status, 24);
}

/**
 * Every try of the request took the same time, at least a second ("5.000, 5.000, 5.000"):
 * nginx's own timer fired on each, no backend answers that regularly.
 */
export function triesHitOneTimer(rec: AccessRecord): boolean {
  if (rec.upstreamResponseTime === undefined || rec.upstreamResponseTime.indexOf(',') === -1) return false;
  const times = splitUpstreamList(rec.upstreamResponseTime).map(Number);
  const first = times[0]!;
  return first >= 1 && times.every((t) => Number.isFinite(t) && Math.abs(t - first) <= 0.002);
}

interface Candidate {
  count: number;
  ownBody: number;
  evidence: Evidence[];
  upstream?: string;
  status: number;
}

export class BackendOwn5xx {
  private readonly byMinute = new Map<string, Candidate>();
  private readonly errorMinutes = new Set<string>();
  private noTime: Candidate = { count: 0, ownBody: 0, evidence: [], status: 502 };
  sawErrorLog = false;
  /** The last time errorAt() noted (lines of one second come together). */
  private lastErrorTime: string | undefined;

  /** An nginx error-level line about an upstream at this time. */
  errorAt(time: string | undefined): void {
    this.sawErrorLog = true;
    if (time === undefined || time === this.lastErrorTime) return;
    this.lastErrorTime = time;
    if (this.errorMinutes.size < MAX_CORRELATION_MINUTES) this.errorMinutes.add(time.slice(0, 16));
  }

  observe(rec: AccessRecord, evidence: () => Evidence): void {
    const st = rec.status;
    if (st === undefined || st < 502 || st > 504 || rec.upstreamStatus === undefined) return;
    const last = splitUpstreamList(rec.upstreamStatus).pop();
    if (last !== String(st)) return;
    // Tries that all lasted the same (≥ 1 s) ended on nginx's timer, not on the backend's answer.
    if (st === 504 && triesHitOneTimer(rec)) return;
    const addr = rec.upstreamAddr ? splitUpstreamList(rec.upstreamAddr).pop() : undefined;
    if (addr === undefined || addr === '-') return;
    const minute = rec.time?.slice(0, 16);
    let c = minute === undefined ? this.noTime : this.byMinute.get(minute);
    if (!c) {
      if (this.byMinute.size >= MAX_CORRELATION_MINUTES) return;
      c = { count: 0, ownBody: 0, evidence: [], status: st };
      this.byMinute.set(minute!, c);
    }
    c.count++;
    if (rec.bytes !== undefined && !looksLikeNginxPage(st, rec.bytes)) c.ownBody++;
    c.upstream ??= own(addr);
    if (c.evidence.length < 3) c.evidence.push(evidence());
  }

  /** Adds a later block's observations (`o` may be a structured-cloned copy). */
  merge(o: BackendOwn5xx): void {
    const into = (c: Candidate, x: Candidate): void => {
      c.count += x.count;
      c.ownBody += x.ownBody;
      c.upstream ??= x.upstream;
      for (const e of x.evidence) if (c.evidence.length < 3) c.evidence.push(e);
    };
    for (const [minute, x] of o.byMinute) {
      const c = this.byMinute.get(minute);
      if (c) into(c, x);
      else if (this.byMinute.size < MAX_CORRELATION_MINUTES) this.byMinute.set(minute, { ...x, evidence: [...x.evidence] });
    }
    into(this.noTime, o.noTime);
    for (const m of o.errorMinutes) if (this.errorMinutes.size < MAX_CORRELATION_MINUTES) this.errorMinutes.add(m);
    if (o.sawErrorLog) this.sawErrorLog = true;
  }

  finish(findings: FindingsAccumulator): void {
    let count = 0;
    const evidence: Evidence[] = [];
    const upstreams = new Set<string>();
    let strong = 0;
    const take = (c: Candidate, own: number): void => {
      count += own;
      if (evidence.length < MAX_EVIDENCE) evidence.push(...c.evidence.slice(0, MAX_EVIDENCE - evidence.length));
      if (c.upstream) upstreams.add(c.upstream);
    };
    for (const [minute, c] of this.byMinute) {
      if (this.sawErrorLog) {
        if (this.errorMinutes.has(minute)) continue;
        take(c, c.count);
        strong += c.ownBody;
      } else if (c.ownBody > 0) {
        take(c, c.ownBody);
        strong += c.ownBody;
      }
    }
    if (this.noTime.count && (this.noTime.ownBody || this.sawErrorLog)) take(this.noTime, this.sawErrorLog ? this.noTime.count : this.noTime.ownBody);
    if (count === 0) return;
    const status = [...this.byMinute.values(), this.noTime].find((c) => c.count)?.status ?? 502;
    findings.add(CAUSES.upstreamReturned502, 'correlation', {
      count,
      status,
      confidence: this.sawErrorLog && strong > 0 ? 'high' : 'medium',
      facts: { upstream: [...upstreams][0] ?? '' },
      time: evidence[0]?.time,
      note: this.sawErrorLog
        ? `${count} 5xx response(s) carry the same $upstream_status and no nginx error line was logged in their minute: the backend answered with the error itself.`
        : `${count} 5xx response(s) carry the same $upstream_status and a body that is not nginx's own error page: the backend answered with the error itself. (No nginx error log was pasted to confirm.)`,
    });
    findings.addEvidence(CAUSES.upstreamReturned502, 'correlation', evidence);
  }
}
