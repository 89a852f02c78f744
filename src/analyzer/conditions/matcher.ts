/**
 * The catalog's conditions, compiled once and ordered most specific first
 * (count of constrained fields, then priority, then catalog order). An event
 * is tested only against the conditions that could hold for it: those
 * indexed under its template or its system call, and those constraining
 * neither. The first that holds claims the event.
 */
import type { Catalog, CatalogCause, CatalogCondition } from '../types.ts';
import type { MessageParts, NginxEvent, Upstream } from '../events/parse.ts';
import { compileSpec, failingField, failingOnMessage, needsContext, specificity, specFacts, type CompiledSpec } from './spec.ts';
import { prefilterKeys } from '../match/literals.ts';

export interface CompiledCondition {
  cond: CatalogCondition;
  cause: CatalogCause;
  spec: CompiledSpec;
  rank: number;
}

export interface ConditionMatch {
  compiled: CompiledCondition;
  /** Named groups of the condition's regexes. */
  facts: Record<string, string>;
  /** The same object answers every event of this message, level, action and upstream (see `match`): callers may cache on it. */
  shared?: true;
  /** What callers cached on a shared answer (the analyzer: its facts of the message, see sharedFacts). */
  sharedFacts?: Readonly<Record<string, string>> | null;
}

/**
 * Cached answers for one message shape: by level, then action, then
 * upstream (objects, so no key string per line), then which of the
 * candidates' client patterns the line's client meets (a bit each).
 */
interface ShapeMemo {
  /** The client patterns of the shape's candidates; null when one names a fact (then nothing is cached). */
  clients: RegExp[] | null;
  size: number;
  levels: Map<string | undefined, Map<string | undefined, Map<Upstream | undefined, Map<number, ConditionMatch | null>>>>;
}

const MAX_SHAPES = 4096;
const MAX_PER_SHAPE = 256;

export class ConditionMatcher {
  readonly list: CompiledCondition[] = [];
  readonly problems: string[] = [];
  private readonly byTemplate = new Map<string, CompiledCondition[]>();
  private readonly bySyscall = new Map<string, CompiledCondition[]>();
  /** Conditions on neither template nor syscall, by what they need: an SSL reason, an errno, or nothing cheap to test. */
  private readonly bySsl: CompiledCondition[] = [];
  private readonly byErrno = new Map<string, CompiledCondition[]>();
  private readonly rest: CompiledCondition[] = [];
  /** Per `rest` condition: literals one of which its message must hold (null: always try). */
  private readonly restKeys: (string[] | null)[] = [];
  private readonly scratch: CompiledCondition[] = [];
  private readonly memo = new Map<MessageParts, ShapeMemo>();

  constructor(catalog: Catalog) {
    const all: (CompiledCondition & { order: number; spec_n: number })[] = [];
    let order = 0;
    for (const cause of catalog.causes) {
      for (const cond of cause.conditions ?? []) {
        let spec: CompiledSpec;
        try {
          spec = compileSpec(cond.when);
        } catch (e) {
          this.problems.push(`condition ${cond.id} (${cause.id}) does not compile and was skipped: ${(e as Error).message}`);
          continue;
        }
        all.push({ cond, cause, spec, rank: 0, order: order++, spec_n: specificity(cond.when) });
      }
    }
    all.sort((a, b) => b.spec_n - a.spec_n || b.cond.priority - a.cond.priority || a.order - b.order);
    all.forEach((c, i) => {
      c.rank = i;
      const entry: CompiledCondition = { cond: c.cond, cause: c.cause, spec: c.spec, rank: i };
      this.list.push(entry);
      const w = c.cond.when;
      if (w.template) for (const t of w.template) push(this.byTemplate, t, entry);
      else if (w.syscall) for (const s of w.syscall) push(this.bySyscall, s, entry);
      else if (w.ssl) this.bySsl.push(entry);
      else if (w.errno) for (const e of w.errno) push(this.byErrno, e, entry);
      else {
        this.rest.push(entry);
        this.restKeys.push(w.message !== undefined ? prefilterKeys(w.message) : null);
      }
    });
  }

  /**
   * For a light reading (message and action, context unread): the condition
   * that claims it when the message alone decides (no condition before it
   * needs the context), null when none can, or "full" when only a full
   * reading can tell.
   */
  lightMatch(ev: NginxEvent): CompiledCondition | null | 'full' {
    const c = this.candidates(ev);
    if (c === null) return null;
    for (const x of c) {
      if (failingOnMessage(x.spec, ev)) continue;
      return needsContext(x.cond.when) ? 'full' : x;
    }
    return null;
  }

  /** Conditions that could hold for the event, most specific first (a reused array), or null. */
  private candidates(ev: NginxEvent): CompiledCondition[] | null {
    const t = this.byTemplate.get(ev.template);
    const s = ev.syscall === undefined ? undefined : this.bySyscall.get(ev.syscall);
    const l = ev.ssl === undefined || this.bySsl.length === 0 ? undefined : this.bySsl;
    const e = ev.errno === undefined ? undefined : this.byErrno.get(ev.errno.name);
    const c = this.scratch;
    c.length = 0;
    let lists = 0;
    if (t !== undefined) lists += add(c, t);
    if (s !== undefined) lists += add(c, s);
    if (l !== undefined) lists += add(c, l);
    if (e !== undefined) lists += add(c, e);
    for (let i = 0; i < this.rest.length; i++) {
      const keys = this.restKeys[i]!;
      let hit = keys === null;
      if (keys !== null) for (let k = 0; k < keys.length && !hit; k++) hit = ev.message.indexOf(keys[k]!) !== -1;
      if (hit) {
        c.push(this.rest[i]!);
        lists++;
      }
    }
    if (lists === 0) return null;
    if (lists > 1) sortByRank(c);
    return c;
  }

  /**
   * The most specific condition the event meets, or null. Every field a
   * condition tests except the client address comes from the event's message
   * shape, level, action or upstream, so the answer is cached by those
   * (bounded); a log repeats a few hundred of them.
   */
  match(ev: NginxEvent): ConditionMatch | null {
    const shape = ev.shape;
    if (shape === undefined) return this.matchNow(ev);
    let m = this.memo.get(shape);
    if (m === undefined) {
      if (this.memo.size >= MAX_SHAPES) this.memo.clear();
      const clients = (this.candidates(ev) ?? []).flatMap((x) => (x.spec.client ? [x.spec.client] : []));
      m = { clients: clients.length > 30 || clients.some((re) => /\(\?</.test(re.source)) ? null : clients, size: 0, levels: new Map() };
      this.memo.set(shape, m);
    }
    if (m.clients === null) return this.matchNow(ev);
    let byAction = m.levels.get(ev.level);
    if (byAction === undefined) m.levels.set(ev.level, (byAction = new Map()));
    let byUpstream = byAction.get(ev.action);
    if (byUpstream === undefined) byAction.set(ev.action, (byUpstream = new Map()));
    const up = ev.context.upstream;
    let byClient = byUpstream.get(up);
    if (byClient === undefined) byUpstream.set(up, (byClient = new Map()));
    let mask = 0;
    const client = ev.context.client;
    for (let i = 0; i < m.clients.length; i++) if (client !== undefined && m.clients[i]!.test(client)) mask |= 1 << i;
    let r = byClient.get(mask);
    if (r === undefined) {
      r = this.matchNow(ev);
      if (m.size < MAX_PER_SHAPE) {
        if (r) r.shared = true;
        byClient.set(mask, r);
        m.size++;
      }
    }
    return r;
  }

  private matchNow(ev: NginxEvent): ConditionMatch | null {
    const c = this.candidates(ev);
    if (c === null) return null;
    for (const x of c) {
      if (failingField(x.spec, ev) === null) {
        const facts: Record<string, string> = {};
        specFacts(x.spec, ev, facts);
        return { compiled: x, facts };
      }
    }
    return null;
  }
}

/** Insertion sort by rank (a handful of candidates; no comparator closure per line). */
function sortByRank(c: CompiledCondition[]): void {
  for (let i = 1; i < c.length; i++) {
    const x = c[i]!;
    let j = i - 1;
    while (j >= 0 && c[j]!.rank > x.rank) {
      c[j + 1] = c[j]!;
      j--;
    }
    c[j + 1] = x;
  }
}

function add(into: CompiledCondition[], list: CompiledCondition[]): number {
  for (const x of list) into.push(x);
  return 1;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
