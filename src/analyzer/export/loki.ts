/**
 * Loki ruler rules in LogQL: per cause, a recording rule (lines per 5 minutes)
 * and an alert with the article's fix as runbook_url. The cause's rules are
 * joined into one line filter; Loki has no first-match-wins across rules, so a
 * line two causes' patterns both match counts for both (mtail counts it once).
 */
import type { Catalog } from '../types.ts';
import type { LineRule } from './line-rules.ts';
import type { ExportMeta } from './mtail.ts';
import { THRESHOLDS, alertName } from './prometheus.ts';
import { withoutCaptureNames, yamlString as q } from './re2.ts';

/** The stream selector of the nginx error logs; the guide says how to change it. */
export const DEFAULT_SELECTOR = '{job="nginx"}';

/** A LogQL string literal: a raw `…` string when it can be, else a double-quoted one. */
export function logqlString(s: string): string {
  return s.includes('`') ? JSON.stringify(s) : `\`${s}\``;
}

/** A YAML literal block: LogQL as written, so the selector can be edited with sed. */
const block = (s: string): string => `|-\n          ${s}`;

/** One LogQL line filter per cause: its rules' patterns joined. */
export function causeFilters(rules: LineRule[]): Map<string, string> {
  const byCause = new Map<string, string[]>();
  for (const r of rules) {
    const list = byCause.get(r.cause) ?? [];
    list.push(withoutCaptureNames(r.regex));
    byCause.set(r.cause, list);
  }
  return new Map([...byCause].map(([cause, res]) => [cause, res.length === 1 ? res[0]! : res.map((r) => `(?:${r})`).join('|')]));
}

export function lokiRules(catalog: Catalog, rules: LineRule[], meta: ExportMeta, selector = DEFAULT_SELECTOR): string {
  const filters = causeFilters(rules);
  const out = [
    '# badgateway.rules.yml for the Loki ruler: causes of nginx 502/504 errors in LogQL.',
    `# Generated from the badgateway catalog (${meta.site}/api/catalog.json, ${meta.generated}); regenerate, do not edit.`,
    `# The stream selector ${selector} picks the nginx error logs; replace it with yours.`,
    'groups:',
    '  - name: badgateway-causes',
    '    rules:',
  ];
  for (const cause of catalog.causes) {
    const filter = filters.get(cause.id);
    if (filter === undefined) continue;
    const t = THRESHOLDS[cause.severity];
    const count = `sum(count_over_time(${selector} |~ ${logqlString(filter)} [5m]))`;
    const status = String(rules.find((r) => r.cause === cause.id)!.status);
    out.push(
      '      - record: badgateway:lines:count5m',
      `        expr: ${block(count)}`,
      '        labels:',
      `          cause: ${q(cause.id)}`,
      `          status: ${q(status)}`,
      `      - alert: ${alertName(cause.id)}`,
      `        expr: ${block(`${count} > ${t.lines}`)}`,
      `        for: ${t.for}`,
      '        labels:',
      `          severity: ${q(t.severity)}`,
      `          cause: ${q(cause.id)}`,
      '        annotations:',
      `          summary: ${q(cause.title)}`,
      `          description: ${q(`{{ $value }} nginx log line(s) in 5 minutes reveal: ${cause.title}. ${cause.description}`)}`,
      `          runbook_url: ${q(`${meta.site}${cause.url}#fix`)}`,
    );
  }
  return `${out.join('\n')}\n`;
}
