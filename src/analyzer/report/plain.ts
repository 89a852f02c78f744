/**
 * What the ticket renderers (Markdown, Jira) share: which facts and evidence
 * lines to show, fix texts split into prose and code, and log text made
 * inert (no control characters, no line or paragraph separators, no bidi
 * overrides), whatever the markup around it.
 */
import type { Finding } from '../types.ts';

/** Facts that repeat what the evidence line already shows. */
const NOISY_FACTS = new Set(['request', 'client', 'action', 'scheme', 'server']);
const MAX_EVIDENCE_LINE = 400;

// C0 (tab kept), DEL, C1, line/paragraph separators, bidi controls, BOM.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Log text with every control character shown as a visible picture (␍, ␛) or U+FFFD. */
export function safeText(s: string): string {
  return s.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

export function findingFacts(f: Finding): [string, string[]][] {
  return Object.entries(f.facts)
    .filter(([k, v]) => !NOISY_FACTS.has(k) && v.length > 0)
    .slice(0, 6);
}

export function evidenceLines(f: Finding, perFinding: number): string[] {
  return f.evidence.slice(0, perFinding).map((e) => `${e.line}: ${e.text.length > MAX_EVIDENCE_LINE ? `${e.text.slice(0, MAX_EVIDENCE_LINE)}…` : e.text}`);
}

/** A fix text split at its `backtick` spans: commands and names are code. */
export function fixParts(fix: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const re = /`([^`\n]{1,400})`/g;
  let last = 0;
  for (let m = re.exec(fix); m; m = re.exec(fix)) {
    if (m.index > last) parts.push({ text: fix.slice(last, m.index), code: false });
    parts.push({ text: m[1]!, code: true });
    last = m.index + m[0].length;
  }
  if (last < fix.length) parts.push({ text: fix.slice(last), code: false });
  return parts;
}

/** "IP addresses, host names … are redacted." from the kinds' labels, or a generic sentence. */
export function redactionNote(redacted: boolean | string[] | undefined): string {
  if (!redacted || (Array.isArray(redacted) && redacted.length === 0)) return '';
  if (redacted === true) return 'IP addresses, host and user names, e-mails, secrets, cookies and query strings are redacted.';
  return `Redacted: ${redacted.join('; ')}.`;
}
