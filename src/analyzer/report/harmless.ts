/**
 * Counts known-harmless lines by template for `report.harmless`: bounded
 * (the first MAX_HARMLESS templates are kept; later ones are counted in
 * the total only).
 */
import type { HarmlessEntry } from '../types.ts';
import { own } from '../own.ts';

const MAX_HARMLESS = 100;

export class HarmlessCounter {
  /** template → entries (one per distinct `why`; usually one): no key string built per line. */
  private readonly byKey = new Map<string, HarmlessEntry[]>();
  private size = 0;
  total = 0;

  add(template: string, why: string, line: number, level: string | undefined, cause?: { id: string; url: string }): void {
    this.total++;
    let list = this.byKey.get(template);
    if (list !== undefined) {
      for (const e of list) {
        if (e.why === why) {
          e.count++;
          return;
        }
      }
    }
    if (this.size >= MAX_HARMLESS) return;
    if (list === undefined) this.byKey.set(own(template), (list = []));
    this.size++;
    const entry: HarmlessEntry = { template: own(template), count: 1, why, firstLine: line };
    if (level !== undefined) entry.level = level;
    if (cause) {
      entry.cause = cause.id;
      entry.url = cause.url;
    }
    list.push(entry);
  }

  /** Adds a later block's counts (`o` may be a structured-cloned copy). */
  merge(o: HarmlessCounter): void {
    this.total += o.total;
    for (const [template, entries] of o.byKey) {
      let list = this.byKey.get(template);
      for (const e of entries) {
        const mine = list?.find((x) => x.why === e.why);
        if (mine) {
          mine.count += e.count;
          continue;
        }
        if (this.size >= MAX_HARMLESS) continue;
        if (list === undefined) this.byKey.set(template, (list = []));
        this.size++;
        list.push({ ...e });
      }
    }
  }

  build(): HarmlessEntry[] {
    return [...this.byKey.values()].flat().sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
  }
}
