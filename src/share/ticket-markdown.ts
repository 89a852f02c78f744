/**
 * The Report as Markdown for a ticket or chat: time range and timezone,
 * findings with their evidence and links to the fix. Pure TypeScript, shared
 * by the analyzer page ("Copy for ticket") and the CLI (`--format markdown`).
 */
import type { Finding, Report } from '../analyzer/types.ts';

export interface TicketOptions {
  /** Absolute origin for links, e.g. "https://badgateway.dev". */
  siteUrl: string;
  /** How timestamps should be read, e.g. "server local time (UTC+1)". */
  timezone?: string;
  /** Evidence lines per finding. */
  evidencePerFinding?: number;
  /** Say that the evidence was redacted. */
  redacted?: boolean;
  /** Transforms each evidence line (redaction) before it is written. */
  transformLine?: (line: string) => string;
}

/** A fence longer than any backtick run in the text, so log lines can't break out of it. */
function fence(lines: string[]): string {
  const longest = Math.max(2, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))));
  const f = '`'.repeat(longest + 1);
  return `${f}log\n${lines.join('\n')}\n${f}`;
}

/** Escapes Markdown inline syntax in plain text (titles and facts come from logs too). */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function findingMarkdown(f: Finding, o: Required<Pick<TicketOptions, 'siteUrl' | 'evidencePerFinding'>> & TicketOptions): string {
  const t = o.transformLine ?? ((l: string) => l);
  const when = f.firstSeen ? ` · ${f.firstSeen}${f.lastSeen && f.lastSeen !== f.firstSeen ? ` → ${f.lastSeen}` : ''}` : '';
  const facts = Object.entries(f.facts)
    .filter(([, v]) => v.length > 0)
    .map(([k, v]) => `- **${inline(k)}**: ${v.slice(0, 5).map((x) => `\`${t(x).replace(/`/g, "'")}\``).join(', ')}`);
  const evidence = f.evidence.slice(0, o.evidencePerFinding).map((e) => t(e.text));
  return [
    `### ${f.status} · ${inline(f.title)}`,
    '',
    `${f.count} × · confidence ${f.confidence} · severity ${f.severity}${when}`,
    '',
    `**Fix:** ${inline(t(f.fix))} — [how to fix](${o.siteUrl}${f.fixUrl}) · [article](${o.siteUrl}${f.url})`,
    ...(f.note ? ['', inline(t(f.note))] : []),
    ...(facts.length ? ['', ...facts] : []),
    ...(evidence.length ? ['', fence(evidence.map((l, i) => `${String(f.evidence[i]!.line).padStart(6)}: ${l}`))] : []),
  ].join('\n');
}

export function reportToMarkdown(report: Report, options: TicketOptions): string {
  const o = { evidencePerFinding: 3, ...options, siteUrl: options.siteUrl.replace(/\/+$/, '') };
  const range = report.stats.timeRange;
  const head = [
    '## badgateway analysis',
    '',
    `- **Input:** ${report.stats.lines} lines${range ? `, ${range.first} → ${range.last}` : ''}${o.timezone ? ` (${inline(o.timezone)})` : ''}`,
    `- **Findings:** ${report.findings.length}${report.unrecognisedCount ? ` · ${report.unrecognisedCount} unrecognised lines` : ''}`,
    ...(report.producer ? [`- **Error page produced by:** ${inline(report.producer.name)}${report.producer.version ? ` ${inline(report.producer.version)}` : ''}`] : []),
    ...(o.redacted ? ['- IPs, host names, e-mails, cookies, tokens and query strings redacted.'] : []),
  ];
  const body = report.findings.length
    ? report.findings.map((f) => findingMarkdown(f, o))
    : ['No known cause recognised. Search the knowledge base for the first error line: ' + `${o.siteUrl}/`];
  return [...head, '', ...body.flatMap((b) => [b, ''])].join('\n').trimEnd() + '\n';
}
