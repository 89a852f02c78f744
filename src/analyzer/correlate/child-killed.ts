/**
 * A PHP-FPM child killed (OOM killer, "exited on signal 9/11", systemd
 * "status=9/KILL") plus nginx "recv() failed (104: Connection reset by
 * peer)" towards fastcgi://: the resets are the killed children.
 */
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import type { EventLog } from './events.ts';

const FPM = /php|fpm/i;

export function correlateChildKilled(events: EventLog, findings: FindingsAccumulator): void {
  const resets = events.get('fastcgi-reset');
  if (!resets) return;
  const killers = [
    ...(events.get('child-signal')?.evidence.map((e, i) => ({ e, f: events.get('child-signal')!.facts[i]!, what: 'php-fpm child exited on a signal' })) ?? []),
    ...(events.get('oom-kill')?.evidence.map((e, i) => ({ e, f: events.get('oom-kill')!.facts[i]!, what: 'the OOM killer' })) ?? []),
    ...(events.get('unit-killed')?.evidence.map((e, i) => ({ e, f: events.get('unit-killed')!.facts[i]!, what: 'systemd saw the unit killed' })) ?? []),
  ].filter(({ f, what }) => what !== 'the OOM killer' || FPM.test(f.process ?? '') || !f.process) // OOM kills of other processes do not explain fastcgi resets
    .filter(({ f, what }) => what !== 'systemd saw the unit killed' || FPM.test(f.unit ?? ''));
  if (killers.length === 0) return;
  const facts: Record<string, string> = {};
  const first = killers[0]!.f;
  if (first.signal) facts.signal = first.signal;
  if (first.pid) facts.pid = first.pid;
  if (first.pool) facts.pool = first.pool;
  if (first.process) facts.process = first.process;
  const what = [...new Set(killers.map((k) => k.what))].join(', ');
  findings.add(CAUSES.childCrashed, 'correlation', {
    count: resets.count,
    counted: resets.claimed.get(CAUSES.childCrashed)?.n ?? 0,
    status: 502,
    confidence: 'high',
    facts,
    time: resets.firstTime,
    note: `nginx logged ${resets.count} connection reset(s) from a fastcgi:// upstream, and ${what}: each killed child drops the request it was serving, which nginx reports as "recv() failed (104: Connection reset by peer)" and answers 502.`,
  });
  findings.addEvidence(CAUSES.childCrashed, 'correlation', [...killers.slice(0, 5).map((k) => k.e), ...resets.evidence.slice(0, 5)]);
}
