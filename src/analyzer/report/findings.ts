/**
 * Accumulates findings per (cause, origin) while lines stream by: counts,
 * first/last seen, the first MAX_EVIDENCE evidence lines, and the distinct
 * values of each fact (bounded). `build()` fills the fix templates and ranks.
 */
import type { Catalog, CatalogCause, Confidence, Evidence, Finding, Severity } from '../types.ts';
import { MAX_FACT_VALUES } from '../limits.ts';
import { MAX_EVIDENCE } from '../types.ts';
import { FALLBACK, type EngineCause } from '../cause-ids.ts';
import { fillFix } from './fix.ts';
import { own } from '../own.ts';

type Origin = Finding['origin'];

interface Acc {
  cause: string;
  origin: Origin;
  status?: number;
  confidence: Confidence;
  count: number;
  firstSeen?: string;
  lastSeen?: string;
  evidence: Evidence[];
  facts: Map<string, Map<string, number>>;
  notes: string[];
  title?: string;
}

export interface FindingInput {
  evidence?: Evidence;
  facts?: Record<string, string>;
  time?: string;
  status?: number;
  confidence?: Confidence;
  note?: string;
  /** How many occurrences this call stands for (correlations summarise many lines). */
  count?: number;
}

const CONF_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const SEV_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const ORIGIN_RANK: Record<Origin, number> = { log: 0, correlation: 1, config: 2 };

export class FindingsAccumulator {
  private readonly accs = new Map<string, Acc>();
  private readonly causes: Map<string, CatalogCause>;

  constructor(catalog: Catalog) {
    this.causes = new Map(catalog.causes.map((c) => [c.id, c]));
  }

  cause(id: string): CatalogCause | undefined {
    return this.causes.get(id);
  }

  get(cause: string, origin: Origin): Acc | undefined {
    return this.accs.get(`${cause}|${origin}`);
  }

  has(cause: string, origin?: Origin): boolean {
    if (origin) return this.accs.has(`${cause}|${origin}`);
    return this.accs.has(`${cause}|log`) || this.accs.has(`${cause}|config`) || this.accs.has(`${cause}|correlation`);
  }

  /** All accumulated (cause, origin) pairs with their counts and first/last times. */
  summary(): { cause: string; origin: Origin; count: number; firstSeen?: string; firstLine?: number }[] {
    return [...this.accs.values()].map((a) => ({ cause: a.cause, origin: a.origin, count: a.count, firstSeen: a.firstSeen, firstLine: a.evidence[0]?.line }));
  }

  add(cause: string, origin: Origin, input: FindingInput): void {
    const key = `${cause}|${origin}`;
    let a = this.accs.get(key);
    if (!a) {
      a = { cause, origin, confidence: input.confidence ?? 'high', count: 0, evidence: [], facts: new Map(), notes: [] };
      if (input.status !== undefined) a.status = input.status;
      this.accs.set(key, a);
    } else if (input.confidence && CONF_RANK[input.confidence] < CONF_RANK[a.confidence]) {
      a.confidence = input.confidence;
    }
    a.count += input.count ?? 1;
    const t = input.time ?? input.evidence?.time;
    if (t !== undefined) {
      if (a.firstSeen === undefined || t < a.firstSeen) a.firstSeen = t;
      if (a.lastSeen === undefined || t > a.lastSeen) a.lastSeen = t;
    }
    if (input.evidence && a.evidence.length < MAX_EVIDENCE) a.evidence.push(input.evidence);
    if (input.facts) this.addFacts(a, input.facts);
    if (input.note && !a.notes.includes(input.note) && a.notes.length < 5) a.notes.push(input.note);
  }

  /** Adds evidence lines to an existing finding without counting them as occurrences. */
  addEvidence(cause: string, origin: Origin, evidence: Evidence[]): void {
    const a = this.accs.get(`${cause}|${origin}`);
    if (!a) return;
    for (const e of evidence) if (a.evidence.length < MAX_EVIDENCE && !a.evidence.some((x) => x.line === e.line)) a.evidence.push(e);
  }

  note(cause: string, origin: Origin, note: string): void {
    const a = this.accs.get(`${cause}|${origin}`);
    if (a && !a.notes.includes(note)) a.notes.push(note);
  }

  private addFacts(a: Acc, facts: Record<string, string>): void {
    for (const name in facts) {
      const value = facts[name]!;
      if (value === '') continue;
      let m = a.facts.get(name);
      if (!m) {
        m = new Map();
        a.facts.set(name, m);
      }
      const cur = m.get(value);
      if (cur !== undefined) m.set(value, cur + 1);
      else if (m.size < MAX_FACT_VALUES) m.set(own(value), 1);
    }
  }

  build(): Finding[] {
    const out: Finding[] = [];
    for (const a of this.accs.values()) {
      const cause = this.causes.get(a.cause);
      const fallback = FALLBACK[a.cause as EngineCause] as (typeof FALLBACK)[EngineCause] | undefined;
      const url = cause?.url ?? `/causes/${a.cause}/`;
      const facts: Record<string, string[]> = {};
      for (const [name, values] of a.facts) {
        facts[name] = [...values].sort((x, y) => y[1] - x[1]).map(([v]) => v);
      }
      const template = cause?.fix ?? fallback?.fix ?? 'See the article for how to fix it.';
      const f: Finding = {
        cause: a.cause,
        title: cause?.title ?? fallback?.title ?? a.cause.replace(/-/g, ' '),
        url,
        fixUrl: `${url}#fix`,
        status: a.status ?? cause?.status[0] ?? fallback?.status ?? 502,
        severity: cause?.severity ?? fallback?.severity ?? 'high',
        confidence: a.confidence,
        count: a.count,
        evidence: a.evidence,
        facts,
        fix: fillFix(template, facts),
        origin: a.origin,
      };
      if (a.firstSeen !== undefined) f.firstSeen = a.firstSeen;
      if (a.lastSeen !== undefined) f.lastSeen = a.lastSeen;
      if (a.notes.length) f.note = a.notes.join(' ');
      out.push(f);
    }
    return out.sort(
      (x, y) =>
        SEV_RANK[x.severity] - SEV_RANK[y.severity] ||
        y.count - x.count ||
        ORIGIN_RANK[x.origin] - ORIGIN_RANK[y.origin] ||
        (x.cause < y.cause ? -1 : x.cause > y.cause ? 1 : 0),
    );
  }
}
