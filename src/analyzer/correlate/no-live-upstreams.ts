/**
 * "no live upstreams" is never the root cause: earlier failures (connect()
 * refused, timeouts…) marked every server down. Point at them.
 */
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import type { EventLog } from './events.ts';

export function correlateNoLiveUpstreams(events: EventLog, findings: FindingsAccumulator): void {
  const nolive = events.get('no-live');
  if (!nolive) return;
  const origin = findings.has(CAUSES.noLiveUpstreams, 'log') ? 'log' : 'correlation';
  if (origin === 'correlation') {
    findings.add(CAUSES.noLiveUpstreams, 'correlation', { count: nolive.count, counted: nolive.claimed.get(CAUSES.noLiveUpstreams)?.n ?? 0, status: 502, confidence: 'high', time: nolive.firstTime, facts: nolive.facts[0] ?? {} });
    findings.addEvidence(CAUSES.noLiveUpstreams, 'correlation', nolive.evidence);
  }
  const earlier = findings
    .summary()
    .filter((s) => s.cause !== CAUSES.noLiveUpstreams && (s.firstLogLine ?? Infinity) < (nolive.evidence[0]?.line ?? 0));
  const disabled = events.get('peer-disabled');
  const parts = earlier.map((s) => `${s.cause} (${s.logCount}×, first on line ${s.firstLogLine})`);
  if (disabled) parts.push(`${disabled.count} "upstream server temporarily disabled" warning(s)`);
  const note = parts.length
    ? `The servers were disabled by earlier failures: ${parts.join('; ')}. Fix those; "no live upstreams" follows from them.`
    : 'Earlier failures (not in the pasted lines) disabled every server of the group: look further back in the error log for connect()/timeout lines and "upstream server temporarily disabled" warnings (level warn).';
  findings.note(CAUSES.noLiveUpstreams, origin, note);
  if (disabled) findings.addEvidence(CAUSES.noLiveUpstreams, origin, disabled.evidence);
}
