/**
 * The report as Markdown for a ticket or chat: time range and timezone,
 * findings with absolute links to the fix, facts and a few evidence lines.
 * One renderer for the CLI (`--format markdown`) and the analyzer page
 * ("Copy for ticket"). Log text is fenced, never interpreted; backticks in it
 * cannot break out of the fence.
 */
import type { Finding, Report } from '../types.ts';

export interface MarkdownOptions {
  /** Absolute origin for links, e.g. "https://badgateway.dev". */
  siteUrl: string;
  /** How to read the timestamps, e.g. "server local time". */
  timezone?: string;
  /** Evidence lines per finding (default 3). */
  evidencePerFinding?: number;
  /** Say that the text was redacted. */
  redacted?: boolean;
}

/** Facts that repeat what the evidence line already shows. */
const NOISY_FACTS = new Set(['request', 'client', 'action', 'scheme', 'server']);
const MAX_EVIDENCE_LINE = 400;

function fence(lines: string[]): string {
  const body = lines.join('\n');
  let ticks = '```';
  while (body.includes(ticks)) ticks += '`';
  return `${ticks}log\n${body}\n${ticks}`;
}

/** Inline text for Markdown: escapes characters that would start markup. */
function inline(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function finding(f: Finding, i: number, origin: string, perFinding: number): string[] {
  const out = ['', `### ${i + 1}. [${inline(f.title)}](${origin}${f.url}) — ${f.status}, ${f.severity}, ${f.confidence} confidence`, ''];
  out.push(`- **${f.count}×** (${f.origin})${f.firstSeen ? `, first ${f.firstSeen}` : ''}${f.lastSeen && f.lastSeen !== f.firstSeen ? `, last ${f.lastSeen}` : ''}`);
  const facts = Object.entries(f.facts).filter(([k, v]) => !NOISY_FACTS.has(k) && v.length > 0).slice(0, 6);
  for (const [k, v] of facts) out.push(`- ${inline(k)}: ${v.slice(0, 5).map((x) => `\`${x.replace(/`/g, "'")}\``).join(', ')}`);
  if (f.note) out.push('', inline(f.note));
  out.push('', `**Fix** ([how to fix](${origin}${f.fixUrl})): ${inline(f.fix)}`);
  if (f.evidence.length) {
    const lines = f.evidence.slice(0, perFinding).map((e) => `${e.line}: ${e.text.length > MAX_EVIDENCE_LINE ? `${e.text.slice(0, MAX_EVIDENCE_LINE)}…` : e.text}`);
    out.push('', fence(lines));
  }
  return out;
}

/** Inline code for a value from the input (backticks cannot close it). */
const code = (s: string): string => `\`${s.replace(/`/g, "'").replace(/\n/g, ' ')}\``;

/** "Configuration explained", compact: directive, value in effect and where, the default it overrides or how that changed by version. */
export function configMarkdown(config: Report['config']): string[] {
  if (!config || config.explain.length === 0) return [];
  const out = ['', '### Configuration explained', ''];
  if (config.version) out.push(`nginx ${inline(config.version)}.`, '');
  for (const e of config.explain) {
    // An unset directive's value already says "(default)"; only a version-dependent default needs its note.
    const dflt = e.defaultVaries ? `default ${inline(e.defaultVaries)}` : e.line && e.default !== undefined ? `default ${code(e.default)}` : '';
    out.push(`- ${code(e.directive)} ${code(e.value)} (${inline(e.scope)}${e.line ? `, line ${e.line}` : ''})${dflt ? ` — ${dflt}` : ''}`);
  }
  return out;
}

export function reportToMarkdown(report: Report, options: MarkdownOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '');
  const s = report.stats;
  const out = ['## badgateway analysis', ''];
  out.push(
    `${s.lines} line(s) analysed${s.timeRange ? `, ${s.timeRange.first} → ${s.timeRange.last}` : ''}${options.timezone ? ` (${inline(options.timezone)})` : ''}. ${report.findings.length} finding(s)${report.unrecognisedCount ? `, ${report.unrecognisedCount} line(s) not recognised` : ''}.`,
  );
  if (options.redacted) out.push('', 'IP addresses, host names, e-mails, cookies, tokens and query strings are redacted.');
  if (report.producer) out.push('', `The pasted error page was produced by **${inline(report.producer.name)}${report.producer.version ? `/${inline(report.producer.version)}` : ''}** (line ${report.producer.line}).`);
  report.findings.forEach((f, i) => out.push(...finding(f, i, origin, options.evidencePerFinding ?? 3)));
  if (!report.findings.length) out.push('', `No known cause recognised. Search the knowledge base for the first error line: ${origin}/`);
  out.push(...configMarkdown(report.config));
  if (report.warnings.length) {
    out.push('', '### Warnings', '');
    for (const w of report.warnings) out.push(`- ${inline(w)}`);
  }
  return `${out.join('\n')}\n`;
}
