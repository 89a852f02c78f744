/** Human-readable report for a terminal (colours only when asked). */
import type { Finding, Report } from '../analyzer/types.ts';

export interface TextOptions {
  color: boolean;
  siteUrl: string;
}

// Whole escape sequences first (so their parameters do not print as junk), 7-bit and 8-bit:
// CSI (ESC [ / 0x9b) … final byte; OSC (ESC ] / 0x9d), DCS, SOS, PM, APC (ESC P X ^ _ / 0x90 0x98 0x9e 0x9f) … BEL or ST;
// any other ESC + one character (ESC c resets the terminal).
const ESCAPE_SEQUENCE =
  /(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,16}[\x40-\x7e]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x7e]?/g;
// What is left of C0 (tab included: it would move the columns), DEL, C1, line separators, bidi controls.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Log text as the terminal may show it: escape sequences removed, other controls shown as U+FFFD. */
export function terminalSafe(s: string): string {
  return s.replace(ESCAPE_SEQUENCE, '\ufffd').replace(CONTROL, '\ufffd');
}

const SEV_COLOR: Record<Finding['severity'], string> = { critical: '31;1', high: '31', medium: '33', low: '36' };

/** "Configuration explained", one line per directive: value in effect, where, the default or its version note. */
export function configText(config: Report['config'], c: (code: string, s: string) => string, clean: (s: string) => string): string[] {
  if (!config || config.explain.length === 0) return [];
  const out = ['', c('1', 'Configuration explained') + (config.version ? ` (nginx ${clean(config.version)})` : '')];
  for (const e of config.explain) {
    // An unset directive's value already says "(default)"; only a version-dependent default needs its note.
    const dflt = e.defaultVaries ? `default ${e.defaultVaries}` : e.line && e.default !== undefined ? `default ${e.default}` : '';
    out.push(`   ${clean(e.directive)} ${clean(e.value)}  ${c('2', `${clean(e.scope)}${e.line ? `, line ${e.line}` : ''}${dflt ? ` · ${clean(dflt)}` : ''}`)}`);
  }
  return out;
}

export function formatText(report: Report, opts: TextOptions): string {
  const c = (code: string, s: string): string => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const clean = terminalSafe;
  const out: string[] = [];
  const s = report.stats;
  const kinds = Object.entries(s.byKind)
    .filter(([k]) => k !== 'blank')
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  out.push(c('1', `badgateway: ${s.lines} line(s)${kinds ? ` (${kinds})` : ''}${s.timeRange ? `, ${clean(s.timeRange.first)} → ${clean(s.timeRange.last)}` : ''}`));
  if (report.producer) out.push(clean(`Error page produced by ${report.producer.name}${report.producer.version ? `/${report.producer.version}` : ''} (line ${report.producer.line}).`));
  if (report.findings.length === 0) out.push('', 'No known cause of a 502/504 found.');
  report.findings.forEach((f, i) => {
    out.push('');
    out.push(`${c('1', `${i + 1}. ${clean(f.title)}`)}  ${c(SEV_COLOR[f.severity], f.severity)} · ${f.status} · ${f.confidence} confidence · ${f.count}× (${f.origin})`);
    if (f.firstSeen) out.push(clean(`   seen ${f.firstSeen}${f.lastSeen && f.lastSeen !== f.firstSeen ? ` … ${f.lastSeen}` : ''}`));
    for (const [k, v] of Object.entries(f.facts).filter(([k]) => !['request', 'client', 'action', 'scheme', 'server'].includes(k)).slice(0, 5)) {
      out.push(`   ${clean(k)}: ${clean(v.slice(0, 3).join(', '))}${v.length > 3 ? ` (+${v.length - 3})` : ''}`);
    }
    if (f.note) out.push(`   ${clean(f.note)}`);
    out.push(`   ${c('32', 'fix:')} ${clean(f.fix)}`);
    out.push(`   ${c('2', `${opts.siteUrl}${f.fixUrl}`)}`);
    for (const e of f.evidence.slice(0, 2)) {
      const t = clean(e.text.length > 300 ? `${e.text.slice(0, 300)}…` : e.text);
      out.push(`   ${c('2', `line ${e.line}:`)} ${t}`);
    }
  });
  out.push(...configText(report.config, c, clean));
  if (report.unrecognisedCount) out.push('', c('2', `${report.unrecognisedCount} line(s) not recognised.`));
  for (const w of report.warnings) out.push(c('33', `warning: ${clean(w)}`));
  return `${out.join('\n')}\n`;
}
