/**
 * The report as Markdown for a ticket or chat: findings with absolute links,
 * facts and a few evidence lines in code blocks. Log text is fenced, never
 * interpreted; backticks in it cannot break out of the fence.
 */
import type { Report } from '../types.ts';

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

export function reportToMarkdown(report: Report, siteUrl: string): string {
  const out: string[] = [];
  const origin = siteUrl.replace(/\/+$/, '');
  out.push('## badgateway analysis', '');
  const s = report.stats;
  out.push(`${s.lines} line(s) analysed${s.timeRange ? `, ${s.timeRange.first} → ${s.timeRange.last}` : ''}. ${report.findings.length} finding(s).`);
  if (report.producer) out.push('', `The pasted error page was produced by **${inline(report.producer.name)}${report.producer.version ? `/${inline(report.producer.version)}` : ''}** (line ${report.producer.line}).`);
  report.findings.forEach((f, i) => {
    out.push('', `### ${i + 1}. [${inline(f.title)}](${origin}${f.url}) — ${f.status}, ${f.severity}, ${f.confidence} confidence`, '');
    out.push(`- **${f.count}×** (${f.origin})${f.firstSeen ? `, first ${f.firstSeen}` : ''}${f.lastSeen && f.lastSeen !== f.firstSeen ? `, last ${f.lastSeen}` : ''}`);
    const facts = Object.entries(f.facts).filter(([k]) => !['request', 'client', 'action', 'scheme', 'server'].includes(k)).slice(0, 6);
    for (const [k, v] of facts) out.push(`- ${inline(k)}: ${v.slice(0, 5).map((x) => `\`${x.replace(/`/g, "'")}\``).join(', ')}`);
    if (f.note) out.push('', inline(f.note));
    out.push('', `**Fix** ([details](${origin}${f.fixUrl})): ${inline(f.fix)}`);
    if (f.evidence.length) {
      out.push('', fence(f.evidence.slice(0, 3).map((e) => `${e.line}: ${e.text.length > 400 ? `${e.text.slice(0, 400)}…` : e.text}`)));
    }
  });
  if (report.warnings.length) {
    out.push('', '### Warnings', '');
    for (const w of report.warnings) out.push(`- ${inline(w)}`);
  }
  return `${out.join('\n')}\n`;
}
