/**
 * Export and share: Markdown for a ticket, the Report as JSON, a permalink
 * with the input in the URL fragment. Redaction is on by default for all
 * three, with a preview of what it replaces.
 */
import type { Report } from '../../../analyzer/types.ts';
import { buildPermalink } from '../../../share/permalink.ts';
import { ALL_REDACTIONS, redact, type RedactionKind, type RedactionResult } from '../../../share/redact.ts';
import { reportToMarkdown } from '../../../analyzer/report/markdown.ts';
import { $, el, formatBytes } from './dom.ts';

export interface ExportState {
  report: Report | null;
  /** The input as text when it is small enough to share; null for big files. */
  inputText: () => Promise<string | null>;
}

function enabledKinds(root: HTMLElement): RedactionKind[] {
  return [...root.querySelectorAll<HTMLInputElement>('input[name="redact"]:checked')].map((i) => i.value as RedactionKind);
}

function tz(): string {
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `timestamps as logged, in the server's local time; this browser is at UTC${sign}${hh}:${mm}`;
}

export function setupExport(root: HTMLElement, state: ExportState): { refresh: () => void } {
  const note = $(root, '[data-export-note]');
  const say = (text: string) => (note.textContent = text);
  const site = location.origin;
  const keepHosts = [location.hostname];

  const apply = (text: string): RedactionResult => redact(text, enabledKinds(root), { keepHosts });
  const ticket = () => {
    if (!state.report) return '';
    const kinds = enabledKinds(root);
    return apply(reportToMarkdown(state.report, { siteUrl: site, timezone: tz(), redacted: kinds.length === ALL_REDACTIONS.length })).text;
  };

  const panel = $(root, '[data-redact]') as HTMLDetailsElement;

  async function refresh(): Promise<void> {
    const kinds = enabledKinds(root);
    $(root, '[data-redact-summary]').textContent = kinds.length === ALL_REDACTIONS.length ? 'on' : kinds.length === 0 ? 'off' : `${kinds.length} of ${ALL_REDACTIONS.length} kinds`;
    // The preview redacts the whole input on the main thread: only when someone looks at it.
    if (!panel.open) return;
    const source = (await state.inputText()) ?? (state.report ? reportToMarkdown(state.report, { siteUrl: site }) : '');
    const all = redact(source, ALL_REDACTIONS, { keepHosts });
    for (const kind of ALL_REDACTIONS) $(root, `[data-redact-count="${kind}"]`).textContent = `(${all.counts[kind]} found)`;
    const preview = $(root, '[data-redact-preview]');
    const rows = kinds.flatMap((k) => all.samples[k].map(([from, to]) => el('div', {}, el('del', {}, from), ' → ', el('ins', {}, to))));
    preview.replaceChildren(...(rows.length ? rows : [el('div', {}, kinds.length ? 'Nothing to redact in this input.' : 'Redaction is off: exports contain the input as it is.')]));
  }

  root.querySelectorAll<HTMLInputElement>('input[name="redact"]').forEach((i) => i.addEventListener('change', () => void refresh()));
  panel.addEventListener('toggle', () => void refresh());

  $(root, '[data-copy-ticket]').addEventListener('click', async () => {
    const md = ticket();
    if (!md) return;
    try {
      await navigator.clipboard.writeText(md);
      say(`Copied ${formatBytes(md.length)} of Markdown for your ticket.`);
    } catch {
      say('The browser refused clipboard access; use "Download report (JSON)" instead.');
    }
  });

  $(root, '[data-download-json]').addEventListener('click', () => {
    if (!state.report) return;
    const json = apply(JSON.stringify(state.report, null, 2)).text;
    const a = el('a', { href: URL.createObjectURL(new Blob([json], { type: 'application/json' })), download: 'badgateway-report.json' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    say('Report downloaded as badgateway-report.json.');
  });

  $(root, '[data-share]').addEventListener('click', async () => {
    const text = await state.inputText();
    if (text === null) {
      say('This input is too large to fit in a link. Share the ticket Markdown or the JSON report instead, or paste only the relevant lines.');
      return;
    }
    const result = await buildPermalink(`${location.origin}${location.pathname}`, apply(text).text);
    if (!result.ok) {
      say(`Too large for a link: ${formatBytes(result.encodedChars)} compressed, links hold up to ${formatBytes(result.limit)}. Paste only the relevant lines, or share the ticket Markdown.`);
      return;
    }
    history.replaceState(null, '', result.url);
    try {
      await navigator.clipboard.writeText(result.url);
      say(`Share link copied (${formatBytes(result.encodedChars)}). The input travels in the part after #, which browsers never send to a server.`);
    } catch {
      say('Share link is in the address bar (the browser refused clipboard access).');
    }
  });

  return { refresh: () => void refresh() };
}
