/**
 * Accumulates one finding per cause while lines stream by, whatever reached
 * it: signatures on log lines (`log`), config rules (`config`) and the
 * correlations (`correlation`) all add to the same finding. Counts are
 * distinct lines/problems, first/last seen, up to MAX_EVIDENCE evidence lines
 * per origin, the distinct values of each fact (bounded), notes per origin.
 * `build()` merges the evidence (deduplicated by line, ordered by line),
 * fills the fix templates and ranks.
 */
import type { Catalog, CatalogCause, Confidence, Evidence, Finding, Saturation, Severity } from '../types.ts';
import { MAX_FACT_VALUES } from '../limits.ts';
import { MAX_EVIDENCE } from '../types.ts';
import { FALLBACK, type EngineCause } from '../cause-ids.ts';
import { fillFix } from './fix.ts';
import { own } from '../own.ts';

export type Origin = Finding['origin'];

/** Strongest first: a finding's origin is the most direct way it was reached. */
const ORIGINS: readonly Origin[] = ['log', 'config', 'correlation'];
const ORIGIN_RANK: Record<Origin, number> = { log: 0, config: 1, correlation: 2 };
const CONF_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const SEV_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** A low-confidence hint one severity step up must not outrank a certain diagnosis. */
const CONFIDENCE_PENALTY: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };
const MAX_NOTES = 5;

interface Part {
  /** Lines/problems this origin added to the finding's count. */
  count: number;
  evidence: Evidence[];
  notes: string[];
  /** Config problems already counted, by line (a line is one problem per cause). */
  lines?: Set<number>;
}

export interface Acc {
  cause: string;
  /** Strongest origin seen so far. */
  origin: Origin;
  status?: number;
  /** Origin rank that set `status` (a stronger origin overrides it). */
  statusRank: number;
  confidence: Confidence;
  count: number;
  /** Line of the last counted occurrence: the same line reached twice counts once. */
  lastLine: number;
  firstSeen?: string;
  lastSeen?: string;
  parts: Partial<Record<Origin, Part>>;
  /** Fact name → value → count (boxed: a repeated value costs one lookup). */
  facts: Map<string, Map<string, { n: number }>>;
  /**
   * Shared fact objects (FindingInput.shared) by how many lines brought
   * each, in the order first seen: counted into `facts` only when they are
   * read (`settle`), which gives the same values and counts as counting each
   * line, at one map update per line instead of one per fact.
   */
  shared?: Map<Readonly<Record<string, string>>, { n: number }>;
  /** Set for lines no article claims: the closest article and a title of their own. */
  unclassified?: { cause: string; title: string; status?: number };
}

/** What a FindingsAccumulator holds, by cause (structured-clonable: it crosses to and from worker threads). */
export type FindingsData = ReadonlyMap<string, Acc>;

export interface FindingInput {
  evidence?: Evidence;
  /** The evidence, made only when the finding keeps it (give `line` with it). */
  evidenceOf?: () => Evidence;
  /** The input line, when the evidence is given by `evidenceOf`. */
  line?: number;
  facts?: Record<string, string>;
  /** How many lines `facts` stand for (a sample of every Nth line; default 1). */
  factsWeight?: number;
  /**
   * Facts many lines share (one object for all of them), with names that
   * `facts` of the same call never has: counted by object, settled later.
   */
  shared?: Readonly<Record<string, string>>;
  time?: string;
  status?: number;
  confidence?: Confidence;
  note?: string;
  /** How many lines this call stands for (correlations summarise many lines). Default 1. */
  count?: number;
  /** Of `count`, how many lines a signature already attributed to this cause (not counted again). */
  counted?: number;
}

export interface FindingSummary {
  cause: string;
  origin: Origin;
  count: number;
  /** Lines the signatures attributed (origin `log`). */
  logCount: number;
  firstSeen?: string;
  /** First evidence line from the logs, if any. */
  firstLogLine?: number;
}

export class FindingsAccumulator {
  private readonly accs = new Map<string, Acc>();
  private readonly causes: Map<string, CatalogCause>;

  /** Causes whose log evidence earlier blocks already filled (set by the Analyzer of a block). */
  saturated: Saturation | undefined;

  constructor(catalog: Catalog) {
    this.causes = new Map(catalog.causes.map((c) => [c.id, c]));
  }

  /** Causes whose finding holds all the log evidence lines it keeps. */
  fullEvidence(): string[] {
    const out: string[] = [];
    for (const [cause, a] of this.accs) if ((a.parts.log?.evidence.length ?? 0) >= MAX_EVIDENCE) out.push(cause);
    return out;
  }

  cause(id: string): CatalogCause | undefined {
    return this.causes.get(id);
  }

  /** Whether the cause has a finding (reached through `origin`, when given). */
  has(cause: string, origin?: Origin): boolean {
    const a = this.accs.get(cause);
    if (!a) return false;
    return origin === undefined || a.parts[origin] !== undefined;
  }

  /** The finding's count so far (0 when none). */
  count(cause: string): number {
    return this.accs.get(cause)?.count ?? 0;
  }

  summary(): FindingSummary[] {
    return [...this.accs.values()].map((a) => ({
      cause: a.cause,
      origin: a.origin,
      count: a.count,
      logCount: a.parts.log?.count ?? 0,
      firstSeen: a.firstSeen,
      firstLogLine: a.parts.log?.evidence[0]?.line,
    }));
  }

  add(cause: string, origin: Origin, input: FindingInput): void {
    let a = this.accs.get(cause);
    if (!a) {
      a = { cause, origin, statusRank: 9, confidence: input.confidence ?? 'high', count: 0, lastLine: 0, parts: {}, facts: new Map() };
      this.accs.set(cause, a);
    } else if (input.confidence && CONF_RANK[input.confidence] < CONF_RANK[a.confidence]) {
      a.confidence = input.confidence;
    }
    const rank = ORIGIN_RANK[origin];
    if (rank < ORIGIN_RANK[a.origin]) a.origin = origin;
    if (input.status !== undefined && rank < a.statusRank) {
      a.status = input.status;
      a.statusRank = rank;
    }
    const p = (a.parts[origin] ??= { count: 0, evidence: [], notes: [] });
    const ev = input.evidence;
    const line = ev?.line ?? (input.evidenceOf ? input.line : undefined);
    let n = Math.max(0, (input.count ?? 1) - (input.counted ?? 0));
    if (line !== undefined) {
      if (origin === 'config') {
        const lines = (p.lines ??= new Set());
        if (lines.has(line)) n = 0;
        else lines.add(line);
      } else if (line === a.lastLine && input.count === undefined) n = 0;
      else a.lastLine = line;
      if (p.evidence.length < MAX_EVIDENCE && (p.evidence.length === 0 || p.evidence[p.evidence.length - 1]!.line !== line) && !(origin === 'log' && this.saturated?.evidence.has(cause))) p.evidence.push(ev ?? input.evidenceOf!());
    }
    a.count += n;
    p.count += n;
    const t = input.time ?? ev?.time;
    if (t !== undefined) {
      if (a.firstSeen === undefined || t < a.firstSeen) a.firstSeen = t;
      if (a.lastSeen === undefined || t > a.lastSeen) a.lastSeen = t;
    }
    if (input.shared) {
      const s = (a.shared ??= new Map());
      const box = s.get(input.shared);
      if (box) box.n++;
      else s.set(input.shared, { n: 1 });
    } else if (a.shared?.size) this.settle(a);
    if (input.facts) this.addFacts(a, input.facts, input.factsWeight);
    if (input.note) this.addNote(p, input.note);
  }

  /** The accumulated findings as plain data, for merging into another accumulator (see `merge`). */
  data(): FindingsData {
    for (const a of this.accs.values()) this.settle(a);
    return this.accs;
  }

  /**
   * Adds the findings of a later block of the same input, as if its lines had
   * come after this one's (`o` may be a structured-cloned copy).
   */
  merge(o: FindingsData): void {
    for (const [cause, x] of o) {
      if (x.shared?.size) throw new Error('FindingsAccumulator.merge: the block was not settled (use data())');
      let a = this.accs.get(cause);
      // A cause new here starts as `x` with nothing counted, then takes x's counts as any other.
      if (!a) this.accs.set(cause, (a = { ...x, count: 0, parts: {}, facts: new Map(), shared: undefined }));
      this.settle(a);
      if (CONF_RANK[x.confidence] < CONF_RANK[a.confidence]) a.confidence = x.confidence;
      if (ORIGIN_RANK[x.origin] < ORIGIN_RANK[a.origin]) a.origin = x.origin;
      if (x.status !== undefined && x.statusRank < a.statusRank) {
        a.status = x.status;
        a.statusRank = x.statusRank;
      }
      a.count += x.count;
      if (x.lastLine) a.lastLine = x.lastLine;
      if (x.firstSeen !== undefined && (a.firstSeen === undefined || x.firstSeen < a.firstSeen)) a.firstSeen = x.firstSeen;
      if (x.lastSeen !== undefined && (a.lastSeen === undefined || x.lastSeen > a.lastSeen)) a.lastSeen = x.lastSeen;
      for (const origin of ORIGINS) {
        const q = x.parts[origin];
        if (!q) continue;
        const p = (a.parts[origin] ??= { count: 0, evidence: [], notes: [] });
        p.count += q.count;
        for (const e of q.evidence) if (p.evidence.length < MAX_EVIDENCE) p.evidence.push(e);
        for (const n of q.notes) this.addNote(p, n);
        if (q.lines) for (const l of q.lines) (p.lines ??= new Set()).add(l);
      }
      for (const [name, values] of x.facts) {
        let m = a.facts.get(name);
        if (!m) a.facts.set(name, (m = new Map()));
        for (const [v, { n }] of values) {
          const cur = m.get(v);
          if (cur !== undefined) cur.n += n;
          else if (m.size < MAX_FACT_VALUES) m.set(v, { n });
        }
      }
      a.unclassified ??= x.unclassified;
    }
  }

  /**
   * An nginx error no article claims (report/unclassified.ts): one finding per
   * `key` (template, errno, action), linked to the `closest` article.
   */
  addUnclassified(key: string, closest: string, title: string, status: number | undefined, input: FindingInput): void {
    const k = `unclassified:${key}`;
    this.add(k, 'log', input);
    const a = this.accs.get(k)!;
    a.unclassified ??= status === undefined ? { cause: closest, title } : { cause: closest, title, status };
  }

  /** Adds evidence lines to an existing finding without counting them as occurrences. */
  addEvidence(cause: string, origin: Origin, evidence: Evidence[]): void {
    const a = this.accs.get(cause);
    if (!a) return;
    const p = (a.parts[origin] ??= { count: 0, evidence: [], notes: [] });
    for (const e of evidence) if (p.evidence.length < MAX_EVIDENCE && !p.evidence.some((x) => x.line === e.line)) p.evidence.push(e);
  }

  /** Adds an explanation to an existing finding. */
  note(cause: string, origin: Origin, note: string): void {
    const a = this.accs.get(cause);
    if (!a) return;
    this.addNote((a.parts[origin] ??= { count: 0, evidence: [], notes: [] }), note);
  }

  private addNote(p: Part, note: string): void {
    if (!p.notes.includes(note) && p.notes.length < MAX_NOTES) p.notes.push(note);
  }

  private addFacts(a: Acc, facts: Readonly<Record<string, string>>, times = 1): void {
    for (const name in facts) {
      const value = facts[name]!;
      if (value === '') continue;
      let m = a.facts.get(name);
      if (!m) {
        m = new Map();
        a.facts.set(name, m);
      }
      const cur = m.get(value);
      if (cur !== undefined) cur.n += times;
      else if (m.size < MAX_FACT_VALUES) m.set(own(value), { n: times });
    }
  }

  /** Counts the shared fact objects into the facts, in the order they were first seen. */
  private settle(a: Acc): void {
    const s = a.shared;
    if (!s?.size) return;
    for (const [facts, times] of s) this.addFacts(a, facts, times.n);
    s.clear();
  }

  private buildUnclassified(a: Acc, u: { cause: string; title: string; status?: number }): Finding {
    const closest = this.causes.get(u.cause);
    const fallback = FALLBACK[u.cause as EngineCause] as (typeof FALLBACK)[EngineCause] | undefined;
    const url = closest?.url ?? `/causes/${u.cause}/`;
    const facts = factsRecord(a);
    const closestTitle = closest?.title ?? fallback?.title ?? u.cause;
    const f: Finding = {
      cause: u.cause,
      title: u.title,
      url,
      fixUrl: `${url}#fix`,
      status: u.status ?? a.status ?? 0,
      severity: 'medium',
      confidence: 'low',
      count: a.count,
      evidence: mergeEvidence([a.parts.log?.evidence ?? []]),
      facts,
      fix: `No article matches this line exactly. The closest is “${closestTitle}”: check whether its symptoms fit before following its fix.`,
      origin: 'log',
      unclassified: true,
    };
    if (a.firstSeen !== undefined) f.firstSeen = a.firstSeen;
    if (a.lastSeen !== undefined) f.lastSeen = a.lastSeen;
    const notes = a.parts.log?.notes ?? [];
    if (notes.length) f.note = notes.join(' ');
    return f;
  }

  build(): Finding[] {
    const out: Finding[] = [];
    for (const a of this.accs.values()) {
      this.settle(a);
      if (a.unclassified) {
        out.push(this.buildUnclassified(a, a.unclassified));
        continue;
      }
      const cause = this.causes.get(a.cause);
      const fallback = FALLBACK[a.cause as EngineCause] as (typeof FALLBACK)[EngineCause] | undefined;
      const url = cause?.url ?? `/causes/${a.cause}/`;
      const facts = factsRecord(a);
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
        evidence: mergeEvidence(ORIGINS.flatMap((o) => (a.parts[o] ? [a.parts[o].evidence] : []))),
        facts,
        fix: fillFix(template, facts),
        origin: a.origin,
      };
      if (a.firstSeen !== undefined) f.firstSeen = a.firstSeen;
      if (a.lastSeen !== undefined) f.lastSeen = a.lastSeen;
      // Log notes (rare: a producer page) first, then what the correlations and the config rules explain.
      const notes = [...(a.parts.log?.notes ?? []), ...(a.parts.correlation?.notes ?? []), ...(a.parts.config?.notes ?? [])];
      if (notes.length) f.note = notes.join(' ');
      out.push(f);
    }
    return out.sort(
      (x, y) =>
        SEV_RANK[x.severity] + CONFIDENCE_PENALTY[x.confidence] - (SEV_RANK[y.severity] + CONFIDENCE_PENALTY[y.confidence]) ||
        SEV_RANK[x.severity] - SEV_RANK[y.severity] ||
        y.count - x.count ||
        ORIGIN_RANK[x.origin] - ORIGIN_RANK[y.origin] ||
        (x.cause < y.cause ? -1 : x.cause > y.cause ? 1 : 0),
    );
  }
}

/**
 * Union of the origins' evidence lists (strongest origin first), deduplicated
 * by line (the first kept: a signature's span beats a correlation's whole-line
 * one), at most MAX_EVIDENCE, ordered by line. When there are more, the lists
 * take turns so every origin keeps some of its lines.
 */
export function mergeEvidence(lists: Evidence[][]): Evidence[] {
  const best = new Map<number, Evidence>();
  for (const list of lists) for (const e of list) if (!best.has(e.line)) best.set(e.line, e);
  if (best.size <= MAX_EVIDENCE) return [...best.values()].sort((x, y) => x.line - y.line);
  const taken = new Set<number>();
  const out: Evidence[] = [];
  const idx = lists.map(() => 0);
  while (out.length < MAX_EVIDENCE) {
    for (let k = 0; k < lists.length && out.length < MAX_EVIDENCE; k++) {
      const list = lists[k]!;
      while (idx[k]! < list.length) {
        const line = list[idx[k]!++]!.line;
        if (taken.has(line)) continue;
        taken.add(line);
        out.push(best.get(line)!);
        break;
      }
    }
  }
  return out.sort((x, y) => x.line - y.line);
}

/** The order facts are listed in: what failed and where first, who asked last (others after, by name). */
const FACT_ORDER = ['upstream', 'socket', 'peer', 'path', 'name', 'scheme', 'syscall', 'errno', 'errname', 'errtext', 'ssl', 'code', 'value', 'header', 'action', 'client', 'server', 'request', 'host', 'resolver', 'conf'];
const FACT_RANK = new Map(FACT_ORDER.map((n, i) => [n, i]));

/**
 * A finding's facts, each name's values most frequent first. Names come in a
 * fixed order, not in the order they were first met: that order depends on
 * when shared facts are settled and how an input was cut into blocks.
 */
function factsRecord(a: Acc): Record<string, string[]> {
  const names = [...a.facts.keys()].sort((x, y) => (FACT_RANK.get(x) ?? FACT_ORDER.length) - (FACT_RANK.get(y) ?? FACT_ORDER.length) || (x < y ? -1 : x > y ? 1 : 0));
  const facts: Record<string, string[]> = {};
  for (const name of names) facts[name] = [...a.facts.get(name)!].sort((x, y) => y[1].n - x[1].n).map(([v]) => v);
  return facts;
}
