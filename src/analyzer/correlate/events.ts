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
  claimed: Map<string, { n: number }>;
}

export class EventLog {
  private readonly events = new Map<string, EventRecord>();
  /** Events whose evidence earlier blocks already filled (set by the Analyzer of a block). */
  saturated: Set<string> | undefined;

  /** Events holding all the evidence lines they keep. */
  full(): string[] {
    return [...this.events].filter(([, e]) => e.evidence.length >= KEEP).map(([name]) => name);
  }

  /**
   * `cause`: the cause a signature claimed this line for, if any. Evidence
   * and facts may be given as functions: they are made only for the lines kept.
   */
  add(name: string, evidenceIn: Evidence | (() => Evidence), factsIn: Record<string, string> | (() => Record<string, string>), cause?: string | null, time?: string): void {
    let e = this.events.get(name);
    if (!e) {
      e = { count: 0, evidence: [], facts: [], claimed: new Map() };
      this.events.set(name, e);
    }
    e.count++;
    if (cause) {
      const box = e.claimed.get(cause);
      if (box) box.n++;
      else e.claimed.set(cause, { n: 1 });
    }
    const t = typeof evidenceIn === 'function' ? time : evidenceIn.time;
    if (t !== undefined && (e.firstTime === undefined || t < e.firstTime)) e.firstTime = t;
    if (e.evidence.length < KEEP && !this.saturated?.has(name)) {
      const evidence = typeof evidenceIn === 'function' ? evidenceIn() : evidenceIn;
      const facts = typeof factsIn === 'function' ? factsIn() : factsIn;
      e.evidence.push(evidence);
      const copy: Record<string, string> = {};
      for (const k in facts) copy[k] = own(facts[k]!);
      e.facts.push(copy);
    }
  }

  /** Adds a later block's events (`o` may be a structured-cloned copy). */
  merge(o: EventLog): void {
    for (const [name, r] of o.events) {
      const e = this.events.get(name);
      if (!e) {
        this.events.set(name, { ...r, evidence: [...r.evidence], facts: [...r.facts], claimed: new Map([...r.claimed].map(([c, { n }]) => [c, { n }])) });
        continue;
      }
      e.count += r.count;
      for (const [cause, { n }] of r.claimed) {
        const box = e.claimed.get(cause);
        if (box) box.n += n;
        else e.claimed.set(cause, { n });
      }
      if (r.firstTime !== undefined && (e.firstTime === undefined || r.firstTime < e.firstTime)) e.firstTime = r.firstTime;
      for (let i = 0; i < r.evidence.length && e.evidence.length < KEEP; i++) {
        e.evidence.push(r.evidence[i]!);
        e.facts.push(r.facts[i]!);
      }
    }
  }

  get(name: string): EventRecord | undefined {
    return this.events.get(name);
  }

  count(name: string): number {
    return this.events.get(name)?.count ?? 0;
  }

}
