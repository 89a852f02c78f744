/**
 * Copies a string out of the big chunk it was sliced from. V8 keeps a
 * substring as a view on its parent, so one short fact kept in a report would
 * otherwise pin a whole 1 MB input chunk in memory. Use it wherever a line's
 * text outlives the line (counters, facts, evidence).
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
