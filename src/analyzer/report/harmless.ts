/**
 * Counts known-harmless lines by template for `report.harmless`: bounded
 * (the first MAX_HARMLESS templates are kept; later ones are counted in
 * the total only).
 */
import type { HarmlessEntry } from '../types.ts';
import { own } from '../own.ts';

const MAX_HARMLESS = 100;

export class HarmlessCounter {
  private readonly byKey = new Map<string, HarmlessEntry>();
  total = 0;

  add(template: string, why: string, line: number, level: string | undefined, cause?: { id: string; url: string }): void {
    this.total++;
    const key = `${template}\u0000${why}`;
    const e = this.byKey.get(key);
    if (e) {
      e.count++;
      return;
    }
    if (this.byKey.size >= MAX_HARMLESS) return;
    const entry: HarmlessEntry = { template: own(template), count: 1, why, firstLine: line };
    if (level !== undefined) entry.level = level;
    if (cause) {
      entry.cause = cause.id;
      entry.url = cause.url;
    }
    this.byKey.set(key, entry);
  }

  build(): HarmlessEntry[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count || a.firstLine - b.firstLine);
  }
}
