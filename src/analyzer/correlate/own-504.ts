/**
 * A 504 whose body is nginx's own error page, or whose tries all took the
 * same time: nginx itself answered "Gateway Time-out", which it does only
 * when one of its upstream timers fired
 * (ngx_http_upstream_next with NGX_HTTP_UPSTREAM_FT_TIMEOUT, or a timeout
 * while reading the body). With no nginx error line to say which timer, the
 * access log alone still names the cause: an upstream timeout.
 */
import type { Evidence } from '../types.ts';
import type { AccessRecord } from '../parse/access-record.ts';
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { MAX_EVIDENCE } from '../types.ts';
import { splitUpstreamList } from '../stats/collector.ts';
import { looksLikeNginxPage, triesHitOneTimer } from './backend-own-5xx.ts';

export class Own504 {
  private count = 0;
  private readonly evidence: Evidence[] = [];

  observe(rec: AccessRecord, evidence: () => Evidence): void {
    if (rec.status !== 504) return;
    if (!triesHitOneTimer(rec) && (rec.bytes === undefined || !looksLikeNginxPage(504, rec.bytes))) return;
    // A backend's own 504 passed through ends the $upstream_status list with 504 too, but nginx's
    // page size then would be a coincidence; a different last status means nginx did not time out.
    if (rec.upstreamStatus !== undefined) {
      const last = splitUpstreamList(rec.upstreamStatus).pop();
      if (last !== undefined && last !== '504' && last !== '-') return;
    }
    this.count++;
    if (this.evidence.length < MAX_EVIDENCE) this.evidence.push(evidence());
  }

  /** Adds a later block's observations (`o` may be a structured-cloned copy). */
  merge(o: Own504): void {
    this.count += o.count;
    for (const e of o.evidence) if (this.evidence.length < MAX_EVIDENCE) this.evidence.push(e);
  }

  /** `explained`: the input holds nginx error lines about upstreams (they name the timer, so this adds nothing). */
  finish(findings: FindingsAccumulator, explained: boolean): void {
    if (this.count === 0 || explained || findings.count(CAUSES.upstreamTimedOut) > 0) return;
    findings.add(CAUSES.upstreamTimedOut, 'correlation', {
      count: this.count,
      status: 504,
      confidence: 'medium',
      facts: {},
      time: this.evidence[0]?.time,
      note: `${this.count} 504 response(s) carry nginx's own error page (its size gives it away): nginx answers 504 itself only when an upstream timer fires. The error log says which one (connect, send or read).`,
    });
    findings.addEvidence(CAUSES.upstreamTimedOut, 'correlation', this.evidence);
  }
}
