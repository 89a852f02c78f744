/** What the non-nginx line recognisers return. */
import type { LineKind } from '../types.ts';

export interface Recognised {
  kind: LineKind;
  level?: string;
  time?: string;
  /** A named event the correlations use ("max-children", "oom-kill", "child-signal"…). */
  event?: string;
  facts: Record<string, string>;
}
