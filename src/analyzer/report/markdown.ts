/**
 * The report as Markdown for a ticket or chat: time range and timezone,
 * findings with absolute links to the fix, facts and a few evidence lines.
 * One renderer for the CLI (`--format markdown`) and the analyzer page
 * ("Copy for ticket").
 *
 * Everything from a log is inert: control characters become visible
 * pictures, log values sit in code spans sized so nothing can close them,
 * evidence sits in a fence longer than any backtick run in it, and prose
 * escapes every character that could start markup, HTML or an autolink.
 */
import type { Finding, Report } from '../types.ts';
import { evidenceLines, findingFacts, fixParts, redactionNote, safeText } from './plain.ts';

export interface MarkdownOptions {
  /** Absolute origin for links, e.g. "https://badgateway.dev". */
  siteUrl: string;
  /** How to read the timestamps, e.g. "server local time". */
  timezone?: string;
  /** Evidence lines per finding (default 3). */
  evidencePerFinding?: number;
  /** Say that the text was redacted, and which kinds (labels). */
  redacted?: boolean | string[];
  /** A share link that reopens this analysis (already redacted input). */
  shareUrl?: string;
}

/** A fenced block that no line in it can close. */
function fence(lines: string[]): string {
  const body = lines.map(safeText).join('\n');
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}log\n${body}\n${ticks}`;
}

/** An inline code span that no backtick in the value can close (CommonMark rule: a longer delimiter). */
export function codeSpan(value: string): string {
  const s = safeText(value);
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const ticks = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '') ? ' ' : '';
  return `${ticks}${pad}${s}${pad}${ticks}`;
}

// What GFM would turn into a link even when escaped: URLs, www. names, e-mail addresses.
const LINKISH = /[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/\S*|\bwww\.\S*|[^\s@]*@\S*/gi;

/** Prose: escapes markup and HTML; whatever would become a link goes into a code span. */
export function inline(s: string, atLineStart = false): string {
  const text = safeText(s);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(LINKISH)) {
    // Sentence punctuation after a URL stays prose.
    const link = m[0].replace(/[.,;:!?)]+$/, '');
    if (!link) continue;
    out += escapeProse(text.slice(last, m.index), atLineStart && last === 0) + codeSpan(link);
    last = m.index + link.length;
  }
  return out + escapeProse(text.slice(last), atLineStart && last === 0);
}

function escapeProse(s: string, lineStart: boolean): string {
  const out = s
    .replace(/[\\`*[\]<>|#~!&]/g, (c) => `\\${c}`)
    // An underscore inside a word (proxy_pass) is no emphasis in GFM; elsewhere it could be.
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_');
  return lineStart ? out.replace(/^(\s*)(\d+)\./, '$1$2\\.').replace(/^(\s*)([-+=])/, '$1\\$2') : out;
}

/** A URL we built ourselves (site links, share link), safe inside `(…)` and `<…>`. */
function url(u: string): string {
  return u.replace(/[\s<>()\\`]/g, (c) => encodeURIComponent(c));
}

function finding(f: Finding, i: number, origin: string, perFinding: number): string[] {
  const out = ['', `### ${i + 1}. [${inline(f.title)}](${url(origin + f.url)}) — ${f.status}, ${f.severity}, ${f.confidence} confidence`, ''];
  out.push(`- **${f.count}×** (${f.origin})${f.firstSeen ? `, first ${codeSpan(f.firstSeen)}` : ''}${f.lastSeen && f.lastSeen !== f.firstSeen ? `, last ${codeSpan(f.lastSeen)}` : ''}`);
  for (const [k, v] of findingFacts(f)) out.push(`- ${inline(k, true)}: ${v.slice(0, 5).map(codeSpan).join(', ')}`);
  if (f.note) out.push('', inline(f.note, true));
  const fix = fixParts(f.fix).map((p) => (p.code ? codeSpan(p.text) : inline(p.text))).join('');
  out.push('', `**Fix** ([how to fix](${url(origin + f.fixUrl)})): ${fix}`);
  const lines = evidenceLines(f, perFinding);
  if (lines.length) out.push('', fence(lines));
  return out;
}

/** Inline code for a value from the input (backticks cannot close it). */

/** "Configuration explained", compact: directive, value in effect and where, the default it overrides or how that changed by version. */
export function configMarkdown(config: Report['config']): string[] {
  if (!config || config.explain.length === 0) return [];
  const out = ['', '### Configuration explained', ''];
  if (config.version) out.push(`nginx ${inline(config.version)}.`, '');
  for (const e of config.explain) {
    // An unset directive's value already says "(default)"; only a version-dependent default needs its note.
    const dflt = e.defaultVaries ? `default ${inline(e.defaultVaries)}` : e.line && e.default !== undefined ? `default ${codeSpan(e.default)}` : '';
    out.push(`- ${codeSpan(e.directive)} ${codeSpan(e.value)} (${inline(e.scope)}${e.line ? `, line ${e.line}` : ''})${dflt ? ` — ${dflt}` : ''}`);
  }
  return out;
}

export function reportToMarkdown(report: Report, options: MarkdownOptions): string {
  const origin = options.siteUrl.replace(/\/+$/, '');
  const s = report.stats;
  const out = ['## badgateway analysis', ''];
  out.push(
    `${s.lines} line(s) analysed${s.timeRange ? `, ${codeSpan(s.timeRange.first)} → ${codeSpan(s.timeRange.last)}` : ''}${options.timezone ? ` (${inline(options.timezone)})` : ''}. ${report.findings.length} finding(s)${report.unrecognisedCount ? `, ${report.unrecognisedCount} line(s) not recognised` : ''}.`,
  );
  const note = redactionNote(options.redacted);
  if (note) out.push('', inline(note, true));
  if (options.shareUrl) out.push('', `Reopen this analysis: <${url(options.shareUrl)}>`);
  if (report.producer) out.push('', `The pasted error page was produced by ${codeSpan(`${report.producer.name}${report.producer.version ? `/${report.producer.version}` : ''}`)} (line ${report.producer.line}).`);
  report.findings.forEach((f, i) => out.push(...finding(f, i, origin, options.evidencePerFinding ?? 3)));
  if (!report.findings.length) out.push('', `No known cause recognised. Search the knowledge base for the first error line: <${url(`${origin}/`)}>`);
  out.push(...configMarkdown(report.config));
  if (report.warnings.length) {
    out.push('', '### Warnings', '');
    for (const w of report.warnings) out.push(`- ${inline(w, true)}`);
  }
  return `${out.join('\n')}\n`;
}
