/**
 * Named events seen in the input (php-fpm "max-children", kernel "oom-kill",
 * nginx "fastcgi-reset", "no-live", "peer-disabled"…), independent of the
 * catalog, for the cross-input correlations. Bounded: a count and the first
 * few evidence lines per event.
 */
import type { Evidence } from '../types.ts';
import { own } from '../own.ts';

const KEEP = 5;

export interface EventRecord {
  count: number;
  evidence: Evidence[];
  facts: Record<string, string>[];
  firstTime?: string;
  /** Cause → how many of these lines a signature claimed for it (so a correlation does not count them twice). */
  claimed: Map<string, number>;
}

export class EventLog {
  private readonly events = new Map<string, EventRecord>();

  /** `cause`: the cause a signature claimed this line for, if any. */
  add(name: string, evidence: Evidence, facts: Record<string, string>, cause?: string | null): void {
    let e = this.events.get(name);
    if (!e) {
      e = { count: 0, evidence: [], facts: [], claimed: new Map() };
      this.events.set(name, e);
    }
    e.count++;
    if (cause) e.claimed.set(cause, (e.claimed.get(cause) ?? 0) + 1);
    if (evidence.time !== undefined && (e.firstTime === undefined || evidence.time < e.firstTime)) e.firstTime = evidence.time;
    if (e.evidence.length < KEEP) {
      e.evidence.push(evidence);
      const copy: Record<string, string> = {};
      for (const k in facts) copy[k] = own(facts[k]!);
      e.facts.push(copy);
    }
  }

  get(name: string): EventRecord | undefined {
    return this.events.get(name);
  }

  count(name: string): number {
    return this.events.get(name)?.count ?? 0;
  }
}
