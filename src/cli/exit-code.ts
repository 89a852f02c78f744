/**
 * The exit status scripts branch on: 0 understood and nothing wrong,
 * 1 findings, 3 nothing in the input was recognised (empty input, junk text,
 * random bytes). 2 (bad input or usage) is decided before a report exists.
 */
import type { Report } from '../analyzer/types.ts';

export const EXIT = { ok: 0, findings: 1, usage: 2, unrecognised: 3 } as const;

/** Lines the engine recognised as something (log, config, collector section). */
export function recognisedLines(report: Report): number {
  const s = report.stats as Report['stats'] & { recognisedLines?: number };
  if (typeof s.recognisedLines === 'number') return s.recognisedLines;
  return s.lines - (s.byKind.blank ?? 0) - (s.byKind.unknown ?? 0);
}

export function exitCode(report: Report): number {
  if (report.findings.length > 0) return EXIT.findings;
  return recognisedLines(report) > 0 ? EXIT.ok : EXIT.unrecognised;
}
