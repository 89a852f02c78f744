/**
 * "$upstream_status 502, 200": nginx retried the next server and the client
 * got its answer — but one server is failing. Reported as its own finding.
 */
import type { Evidence } from '../types.ts';
import type { AccessRecord } from '../parse/access-record.ts';
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import { upstreamPhases } from '../stats/collector.ts';

export class RetryHidPeer {
  observe(rec: AccessRecord, evidence: () => Evidence, findings: FindingsAccumulator): void {
    const us = rec.upstreamStatus;
    if (us === undefined || us.indexOf(',') === -1) return;
    if (rec.status !== undefined && rec.status >= 500) return;
    const phases = upstreamPhases(us);
    const addrs = rec.upstreamAddr ? upstreamPhases(rec.upstreamAddr) : [];
    phases.forEach((phase, p) => {
      const last = phase[phase.length - 1];
      if (phase.length < 2 || last === undefined || !/^[1-4]\d\d$/.test(last)) return;
      phase.slice(0, -1).forEach((st, i) => {
        if (!/^5\d\d$/.test(st)) return;
        const failing = addrs[p]?.[i];
        const ev = evidence();
        findings.add(CAUSES.retryHidFailingPeer, 'correlation', {
          evidence: ev,
          status: rec.status ?? 200,
          confidence: 'high',
          facts: { ...(failing ? { upstream: failing } : {}), upstream_status: us },
          note: 'The access log shows a failed attempt followed by a successful one on another try ($upstream_status like "502, 200"): clients got answers, but a server in the group is failing and each failure costs the client a retry.',
        });
      });
    });
  }
}
