/**
 * The catalog as an mtail program: counts log lines by the cause they reveal
 * (`badgateway_lines_total{cause,status}`), first matching rule wins as in
 * the analyzer (each rule ends with `stop`), and access-log responses by
 * status (`badgateway_http_responses_total{status}`) for the 5xx ratio.
 */
import type { LineRule } from './line-rules.ts';
import { escapeSlashes, withoutCaptureNames } from './re2.ts';

export interface ExportMeta {
  /** Public origin, e.g. "https://badgateway.dev". */
  site: string;
  /** Catalog version and build time, for the header. */
  generated: string;
}

/** The access-log status field of the combined/common formats (and the many that start like them). */
export const ACCESS_STATUS_RE = String.raw`^\S+ \S+ \S+ \[[^\]]+\] "[^"]*" (?P<status>[1-5]\d\d) `;

export function mtailProgram(rules: LineRule[], meta: ExportMeta): string {
  const out = [
    `# badgateway.mtail: causes of nginx 502/504 errors, counted per log line.`,
    `# Generated from the badgateway catalog (${meta.site}/api/catalog.json, ${meta.generated}); regenerate, do not edit.`,
    `# Each line is counted for the first rule that matches, in the analyzer's order.`,
    `# Runbook for a cause: ${meta.site}/causes/<cause>/#fix`,
    '',
    'counter badgateway_lines_total by cause, status',
    'counter badgateway_http_responses_total by status',
    '',
    '# Access-log lines: responses by status, for the 5xx ratio (no stop: the line is also matched below).',
    `/${escapeSlashes(ACCESS_STATUS_RE)}/ {`,
    '  badgateway_http_responses_total[$status]++',
    '}',
    '',
  ];
  for (const r of rules) {
    out.push(`# ${r.id} → ${r.cause}`);
    out.push(`/${escapeSlashes(withoutCaptureNames(r.regex))}/ {`);
    out.push(`  badgateway_lines_total[${JSON.stringify(r.cause)}][${JSON.stringify(String(r.status))}]++`);
    out.push('  stop');
    out.push('}');
  }
  return `${out.join('\n')}\n`;
}
