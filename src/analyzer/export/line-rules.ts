/**
 * The catalog as line rules for log engines that only have regular
 * expressions (mtail, Loki, Prometheus via mtail): one rule per signature, in
 * the order the engine tries them (first match wins), each pattern rewritten
 * from JavaScript to RE2 / Go syntax. The fleet exports (mtail.ts, loki.ts,
 * prometheus.ts) read the catalog only through catalogLineRules().
 *
 * This version is compiled from the catalog's regex signatures; the event
 * engine replaces it with rules compiled from event conditions, keeping this
 * signature.
 */
import type { Catalog, CatalogSignature } from '../types.ts';
import { toRe2 } from './re2.ts';

export interface LineRule {
  id: string;
  cause: string;
  status: number;
  regex: string /* RE2 / Go syntax */;
}

/** The engine's order: priority (high first), then catalog order; access-log signatures after the rest, as for a line of unknown kind. */
export function catalogLineRules(catalog: Catalog): LineRule[] {
  const sigs: { sig: CatalogSignature; order: number }[] = [];
  for (const cause of catalog.causes) for (const sig of cause.signatures) sigs.push({ sig, order: sigs.length });
  const byPriority = (a: { sig: CatalogSignature; order: number }, b: { sig: CatalogSignature; order: number }) => b.sig.priority - a.sig.priority || a.order - b.order;
  const other = sigs.filter((s) => s.sig.source !== 'nginx-access').sort(byPriority);
  const access = sigs.filter((s) => s.sig.source === 'nginx-access').sort(byPriority);
  return [...other, ...access].map(({ sig }) => ({ id: sig.id, cause: sig.cause, status: sig.status, regex: toRe2(sig.pattern) }));
}
