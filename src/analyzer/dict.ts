/**
 * Lookup tables indexed with text from a log or a config: no prototype, so
 * `MONTHS['constructor']` is undefined, not Object's constructor.
 */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
