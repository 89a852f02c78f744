/**
 * The report in Jira wiki markup (`--format jira`, "Copy for Jira"): the same
 * content as the Markdown ticket. Log text never becomes markup: evidence sits
 * in {noformat} blocks that nothing in a line can close, values in {{…}} with
 * every markup character escaped, and URLs from the log are broken so Jira
 * does not link them.
 */
import type { Finding, Report } from '../types.ts';
import { evidenceLines, findingFacts, fixParts, redactionNote, safeText } from './plain.ts';
import type { MarkdownOptions } from './markdown.ts';

/** Jira text: escapes every character that starts wiki markup, macros, links or emoticons. */
export function jiraText(s: string): string {
  return safeText(s)
    .replace(/[\\*_^~{}[\]|!#]|\?\?|\((?=[^()\s]{1,7}\))/g, (c) => `\\${c}`)
    // - and + make strike-through and underline only at a word's edge (host-1 stays as it is).
    .replace(/(?<![A-Za-z0-9])[-+]|[-+](?![A-Za-z0-9])/g, (c) => `\\${c}`)
    // A paragraph must not open as a heading or a quote (h1. … / bq. …).
    .replace(/^(\s*)(h[1-6]|bq)\./i, '$1$2\\.')
    .replace(/:\/\//g, ':\u2060//')
    .replace(/\b(www)\./gi, '$1\u2060.')
    .replace(/@/g, '\u2060@');
}

/** A monospaced value. */
export function jiraCode(s: string): string {
  return `{{${jiraText(s) || ' '}}}`;
}

/** A {noformat} block; a line that reads {noformat} cannot end it. */
function noformat(lines: string[]): string {
  const body = lines.map((l) => safeText(l).replace(/\{noformat/gi, '{\u2060noformat')).join('\n');
  return `{noformat}\n${body}\n{noformat}`;
}

function link(title: string, url: string): string {
  return `[${jiraText(title)}|${url.replace(/[\s|\]]/g, (c) => encodeURIComponent(c))}]`;
}

function finding(f: Finding, i: number, origin: string, perFinding: number): string[] {
  const out = ['', `h3. ${i + 1}. ${link(f.title, origin + f.url)} — ${f.status}, ${f.severity}, ${f.confidence} confidence`, ''];
  out.push(`* *${f.count}×* (${f.origin})${f.firstSeen ? `, first ${jiraCode(f.firstSeen)}` : ''}${f.lastSeen && f.lastSeen !== f.firstSeen ? `, last ${jiraCode(f.lastSeen)}` : ''}`);
  for (const [k, v] of findingFacts(f)) out.push(`* ${jiraText(k)}: ${v.slice(0, 5).map(jiraCode).join(', ')}`);
  if (f.note) out.push('', jiraText(f.note));
  const fix = fixParts(f.fix).map((p) => (p.code ? jiraCode(p.text) : jiraText(p.text))).join('');
  out.push('', `*Fix* (${link('how to fix', origin + f.fixUrl)}): ${fix}`);
  const lines = evidenceLines(f, perFinding);
  if (lines.length) out.push('', noformat(lines));
  return out;
}

export function reportToJira(report: Report, options: MarkdownOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '');
  const s = report.stats;
  const out = ['h2. badgateway analysis', ''];
  out.push(
    `${s.lines} line(s) analysed${s.timeRange ? `, ${jiraCode(s.timeRange.first)} → ${jiraCode(s.timeRange.last)}` : ''}${options.timezone ? ` (${jiraText(options.timezone)})` : ''}. ${report.findings.length} finding(s)${report.unrecognisedCount ? `, ${report.unrecognisedCount} line(s) not recognised` : ''}.`,
  );
  const note = redactionNote(options.redacted);
  if (note) out.push('', jiraText(note));
  if (options.shareUrl) out.push('', `Reopen this analysis: ${link('share link', options.shareUrl)}`);
  if (report.producer) out.push('', `The pasted error page was produced by ${jiraCode(`${report.producer.name}${report.producer.version ? `/${report.producer.version}` : ''}`)} (line ${report.producer.line}).`);
  report.findings.forEach((f, i) => out.push(...finding(f, i, origin, options.evidencePerFinding ?? 3)));
  if (!report.findings.length) out.push('', `No known cause recognised. Search the knowledge base for the first error line: ${link('badgateway', `${origin}/`)}`);
  if (report.warnings.length) {
    out.push('', 'h3. Warnings', '');
    for (const w of report.warnings) out.push(`* ${jiraText(w)}`);
  }
  return `${out.join('\n')}\n`;
}
