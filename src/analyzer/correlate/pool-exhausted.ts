/**
 * php-fpm "server reached pm.max_children" together with nginx read timeouts
 * (or 504s in the access log): requests queued behind busy children.
 */
import { CAUSES } from '../cause-ids.ts';
import type { FindingsAccumulator } from '../report/findings.ts';
import type { EventLog } from './events.ts';

export function correlatePoolExhausted(events: EventLog, findings: FindingsAccumulator, access504: number): void {
  const max = events.get('max-children');
  if (!max) return;
  const timeouts = events.get('read-timeout');
  const backlog = events.get('fastcgi-eagain');
  const n = (timeouts?.count ?? 0) + access504;
  if (n === 0 && !backlog) return;
  const facts = max.facts[0] ?? {};
  const parts: string[] = [];
  if (timeouts) parts.push(`${timeouts.count} nginx "upstream timed out … reading response header" line(s)`);
  if (access504) parts.push(`${access504} 504 response(s) in the access log`);
  if (backlog) parts.push(`${backlog.count} "connect() … (11: Resource temporarily unavailable)" line(s) (listen backlog full)`);
  findings.add(CAUSES.maxChildren, 'correlation', {
    count: max.count,
    counted: max.claimed.get(CAUSES.maxChildren)?.n ?? 0,
    status: 504,
    confidence: 'high',
    facts: { ...(facts.pool ? { pool: facts.pool } : {}), ...(facts.max_children ? { max_children: facts.max_children } : {}) },
    time: max.firstTime,
    note: `php-fpm reported "server reached pm.max_children"${facts.pool ? ` for pool ${facts.pool}` : ''} ${max.count} time(s), alongside ${parts.join(', ')}: every child was busy, new requests waited in the socket's backlog until nginx gave up.`,
  });
  findings.addEvidence(CAUSES.maxChildren, 'correlation', [...max.evidence, ...(timeouts?.evidence.slice(0, 3) ?? []), ...(backlog?.evidence.slice(0, 2) ?? [])]);
}
