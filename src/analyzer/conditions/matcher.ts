/**
 * The catalog's conditions, compiled once and ordered most specific first
 * (count of constrained fields, then priority, then catalog order). An event
 * is tested only against the conditions that could hold for it: those
 * indexed under its template or its system call, and those constraining
 * neither. The first that holds claims the event.
 */
import type { Catalog, CatalogCause, CatalogCondition } from '../types.ts';
import type { NginxEvent } from '../events/parse.ts';
import { compileSpec, mismatch, specificity, specFacts, type CompiledSpec } from './spec.ts';

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
}

export class ConditionMatcher {
  readonly list: CompiledCondition[] = [];
  readonly problems: string[] = [];
  private readonly byTemplate = new Map<string, CompiledCondition[]>();
  private readonly bySyscall = new Map<string, CompiledCondition[]>();
  private readonly rest: CompiledCondition[] = [];
  private readonly scratch: CompiledCondition[] = [];

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
      else this.rest.push(entry);
    });
  }

  /** The most specific condition the event meets, or null. */
  match(ev: NginxEvent): ConditionMatch | null {
    const c = this.scratch;
    c.length = 0;
    const t = this.byTemplate.get(ev.template);
    if (t) for (const x of t) c.push(x);
    if (ev.syscall !== undefined) {
      const s = this.bySyscall.get(ev.syscall);
      if (s) for (const x of s) c.push(x);
    }
    for (const x of this.rest) c.push(x);
    if (c.length > 1) c.sort((a, b) => a.rank - b.rank);
    for (const x of c) {
      if (mismatch(x.spec, ev) === null) {
        const facts: Record<string, string> = {};
        specFacts(x.spec, ev, facts);
        return { compiled: x, facts };
      }
    }
    return null;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
