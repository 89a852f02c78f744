/**
 * Many 504s whose $request_time (or last $upstream_response_time) sits at
 * the same value, e.g. ≈60.0 s, point at a read timeout firing: the
 * upstream-timed-out cause with that timeout as a fact.
 */
import type { Evidence } from '../types.ts';
import type { AccessRecord } from '../parse/access-record.ts';
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { formatSeconds } from '../config/units.ts';
import { splitUpstreamList } from '../stats/collector.ts';
import { own } from '../own.ts';

const MAX_BUCKETS = 2000;
const MAX_SAMPLES = 200;

export class TimeoutCluster {
  /** Tenths of a second → count. */
  private readonly hist = new Map<number, number>();
  private total = 0;
  private readonly samples: { tenths: number; evidence: Evidence; upstream?: string }[] = [];

  observe(rec: AccessRecord, evidence: () => Evidence): void {
    if (rec.status !== 504) return;
    let t = rec.requestTime;
    if (rec.upstreamResponseTime) {
      const last = splitUpstreamList(rec.upstreamResponseTime).pop();
      const n = last === undefined ? NaN : Number(last);
      if (Number.isFinite(n) && (t === undefined || n > 0)) t = t === undefined ? n : Math.max(n, Math.min(t, n + 0.5));
    }
    if (t === undefined || !Number.isFinite(t)) return;
    const tenths = Math.round(t * 10);
    this.total++;
    const cur = this.hist.get(tenths);
    if (cur !== undefined) this.hist.set(tenths, cur + 1);
    else if (this.hist.size < MAX_BUCKETS) this.hist.set(tenths, 1);
    if (this.samples.length < MAX_SAMPLES) this.samples.push({ tenths, evidence: evidence(), upstream: rec.upstreamAddr === undefined ? undefined : own(rec.upstreamAddr) });
  }

  /** Adds a later block's observations (`o` may be a structured-cloned copy). */
  merge(o: TimeoutCluster): void {
    for (const [tenths, n] of o.hist) {
      const cur = this.hist.get(tenths);
      if (cur !== undefined) this.hist.set(tenths, cur + n);
      else if (this.hist.size < MAX_BUCKETS) this.hist.set(tenths, n);
    }
    this.total += o.total;
    for (const s of o.samples) if (this.samples.length < MAX_SAMPLES) this.samples.push(s);
  }

  /** `timeouts`: read timeouts (seconds) the pasted config or the defaults set. */
  finish(findings: FindingsAccumulator, timeouts: number[]): void {
    if (this.total < 3) return;
    let best = 0;
    let bestCount = 0;
    for (const [tenths] of this.hist) {
      let c = 0;
      for (let d = -5; d <= 5; d++) c += this.hist.get(tenths + d) ?? 0;
      if (c > bestCount || (c === bestCount && tenths < best)) {
        best = tenths;
        bestCount = c;
      }
    }
    const seconds = best / 10;
    if (seconds < 1 || bestCount < Math.max(3, this.total * 0.5)) return;
    const rounded = Math.round(seconds);
    const timeout = Math.abs(rounded - seconds) <= 0.5 ? rounded : seconds;
    const matching = timeouts.filter((t) => Math.abs(t - seconds) <= 1);
    const cfg = matching.length ? ` That matches a read timeout of ${formatSeconds(matching[0]!)} in the configuration (or nginx's default).` : '';
    const inCluster = this.samples.filter((s) => Math.abs(s.tenths - best) <= 5);
    findings.add(CAUSES.upstreamTimedOut, 'correlation', {
      count: bestCount,
      status: 504,
      confidence: bestCount >= 10 ? 'high' : 'medium',
      facts: { timeout: formatSeconds(timeout), ...(inCluster[0]?.upstream ? { upstream: inCluster[0].upstream } : {}) },
      note: `${bestCount} of ${this.total} 504 responses in the access log took ≈${seconds.toFixed(1)} s: a read timeout is firing while the backend is still working.${cfg}`,
      time: inCluster[0]?.evidence.time,
    });
    findings.addEvidence(CAUSES.upstreamTimedOut, 'correlation', inCluster.map((s) => s.evidence));
  }
}
