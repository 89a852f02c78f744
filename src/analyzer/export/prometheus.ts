/**
 * Prometheus alerting rules on the mtail counters (mtail.ts): one alert per
 * cause, its runbook_url the article's fix, and a 5xx-ratio alert from the
 * access-log responses. Thresholds follow the cause's severity.
 */
import type { Catalog, Severity } from '../types.ts';
import type { LineRule } from './line-rules.ts';
import type { ExportMeta } from './mtail.ts';
import { pascalCase, yamlString as q } from './re2.ts';

/** Lines of a cause in 5 minutes that make it worth waking someone, and how long it must last. */
export const THRESHOLDS: Record<Severity, { lines: number; for: string; severity: string }> = {
  critical: { lines: 0, for: '0m', severity: 'critical' },
  high: { lines: 0, for: '0m', severity: 'warning' },
  medium: { lines: 5, for: '5m', severity: 'warning' },
  low: { lines: 20, for: '10m', severity: 'info' },
};
/** Share of 5xx responses over 5 minutes that fires NginxHigh5xxRatio. */
export const RATIO_5XX = 0.05;

export const alertName = (cause: string): string => `Nginx${pascalCase(cause)}`;

export function prometheusRules(catalog: Catalog, rules: LineRule[], meta: ExportMeta): string {
  const exported = new Set(rules.map((r) => r.cause));
  const out = [
    '# badgateway.rules.yml: Prometheus alerting rules on the counters of badgateway.mtail.',
    `# Generated from the badgateway catalog (${meta.site}/api/catalog.json, ${meta.generated}); regenerate, do not edit.`,
    'groups:',
    '  - name: badgateway-causes',
    '    rules:',
  ];
  for (const cause of catalog.causes) {
    if (!exported.has(cause.id)) continue;
    const t = THRESHOLDS[cause.severity];
    const url = `${meta.site}${cause.url}#fix`;
    out.push(
      `      - alert: ${alertName(cause.id)}`,
      `        expr: ${q(`increase(badgateway_lines_total{cause="${cause.id}"}[5m]) > ${t.lines}`)}`,
      `        for: ${t.for}`,
      '        labels:',
      `          severity: ${q(t.severity)}`,
      '        annotations:',
      `          summary: ${q(`${cause.title} ({{ $labels.status }})`)}`,
      `          description: ${q(`{{ $value | printf "%.0f" }} nginx log line(s) in 5 minutes on {{ $labels.instance }} reveal: ${cause.title}. ${cause.description}`)}`,
      `          runbook_url: ${q(url)}`,
    );
  }
  out.push(
    '  - name: badgateway-5xx',
    '    rules:',
    '      - record: badgateway:http_5xx_ratio:rate5m',
    `        expr: ${q('sum without (status) (rate(badgateway_http_responses_total{status=~"5.."}[5m])) / sum without (status) (rate(badgateway_http_responses_total[5m]))')}`,
    '      - alert: NginxHigh5xxRatio',
    `        expr: ${q(`badgateway:http_5xx_ratio:rate5m > ${RATIO_5XX}`)}`,
    '        for: 5m',
    '        labels:',
    '          severity: "critical"',
    '        annotations:',
    `          summary: ${q('nginx answers {{ $value | humanizePercentage }} of requests with a 5xx')}`,
    `          description: ${q(`More than ${RATIO_5XX * 100}% of responses on {{ $labels.instance }} were 5xx over 5 minutes. The badgateway_lines_total alerts name the cause; the triage runbook finds it otherwise.`)}`,
    `          runbook_url: ${q(`${meta.site}/guides/triage/`)}`,
  );
  return `${out.join('\n')}\n`;
}
