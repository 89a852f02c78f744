/**
 * Export and share: Markdown or Jira text for a ticket, the Report as JSON, a
 * permalink with the input in the URL fragment. One redaction (in the worker)
 * feeds all of them, so a host is `host-1` in the ticket, the JSON and the
 * link alike; the JSON is serialized after redaction. The preview shows what
 * each kind removes and what it keeps.
 */
import type { Report } from '../../../analyzer/types.ts';
import { buildPermalink, type PermalinkResult } from '../../../share/permalink.ts';
import { ALL_REDACTIONS, REDACTION_KINDS, type RedactedExport, type RedactionKind } from '../../../share/redact.ts';
import { reportToMarkdown } from '../../../analyzer/report/markdown.ts';
import { reportToJira } from '../../../analyzer/report/jira.ts';
import { $, el, formatBytes } from './dom.ts';
import { redactForExport } from './worker-client.ts';

export interface ExportState {
  report: Report | null;
  /** The input as text when it is small enough to share; null for big files. */
  inputText: () => Promise<string | null>;
}

interface Prepared {
  key: string;
  red: RedactedExport;
  link: PermalinkResult | null;
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
  const say = (text: string): void => {
    note.textContent = text;
    // On a phone the note sits below the export buttons: keep the confirmation in sight.
    note.scrollIntoView({ block: 'nearest' });
  };
  const site = location.origin;
  const keepHosts = [location.hostname];
  const panel = $(root, '[data-redact]') as HTMLDetailsElement;

  let prepared: Promise<Prepared | null> | null = null;
  let preparedFor: Report | null = null;
  let preparedKey = '';

  /** The redacted input, report and link for the current report and kinds (cached). */
  function prepare(): Promise<Prepared | null> {
    const report = state.report;
    if (!report) return Promise.resolve(null);
    const kinds = enabledKinds(root);
    const key = kinds.join(',');
    if (prepared && preparedFor === report && preparedKey === key) return prepared;
    preparedFor = report;
    preparedKey = key;
    prepared = (async () => {
      const input = await state.inputText();
      const red = await redactForExport(input, report, kinds, keepHosts);
      const link = red.input === null ? null : await buildPermalink(`${location.origin}${location.pathname}`, red.input);
      return { key, red, link };
    })();
    return prepared;
  }

  const ticketOptions = (p: Prepared) => {
    const kinds = enabledKinds(root);
    return {
      siteUrl: site,
      timezone: tz(),
      redacted: kinds.map((k) => REDACTION_KINDS[k]),
      ...(p.link?.ok ? { shareUrl: p.link.url } : {}),
    };
  };

  function previewRow(kind: RedactionKind, from: string, to: string, kept: boolean): HTMLElement {
    return el('div', { class: kept ? 'az-redact__row az-redact__row--kept' : 'az-redact__row' }, el('span', { class: 'az-redact__kind-name' }, kind), ' ', kept ? el('span', {}, from) : el('del', {}, from), kept ? ` kept (${to})` : ' → ', ...(kept ? [] : [el('ins', {}, to)]));
  }

  async function refresh(): Promise<void> {
    const kinds = enabledKinds(root);
    $(root, '[data-redact-summary]').textContent = kinds.length === ALL_REDACTIONS.length ? 'on' : kinds.length === 0 ? 'off' : `${kinds.length} of ${ALL_REDACTIONS.length} kinds`;
    // The preview needs a redaction pass (in the worker): only when someone looks at it.
    if (!panel.open) return;
    const p = await prepare();
    if (!p) return;
    const s = p.red.summary;
    for (const kind of ALL_REDACTIONS) $(root, `[data-redact-count="${kind}"]`).textContent = kinds.includes(kind) ? `(${s.counts[kind]} replaced)` : '(off)';
    const removed = kinds.flatMap((k) => s.removed[k].map(([from, to]) => previewRow(k, from, to, false)));
    const kept = kinds.flatMap((k) => s.kept[k].map(([value, why]) => previewRow(k, value, why, true)));
    const preview = $(root, '[data-redact-preview]');
    preview.replaceChildren(
      el('p', { class: 'az-redact__heading' }, removed.length ? 'Replaced in every export:' : kinds.length ? 'Nothing to replace in this input.' : 'Redaction is off: exports contain the input as it is.'),
      ...removed,
      ...(kept.length ? [el('p', { class: 'az-redact__heading' }, 'Kept as they are:'), ...kept] : []),
    );
  }

  root.querySelectorAll<HTMLInputElement>('input[name="redact"]').forEach((i) => i.addEventListener('change', () => void refresh()));
  panel.addEventListener('toggle', () => void refresh());

  async function copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      say(done);
    } catch {
      say('The browser refused clipboard access; use "Download report (JSON)" instead.');
    }
  }

  const failed = (e: unknown) => say(`Export failed: ${(e as Error).message}. Nothing was sent anywhere.`);

  $(root, '[data-copy-ticket]').addEventListener('click', () => {
    void prepare()
      .then(async (p) => {
        if (!p) return;
        const md = reportToMarkdown(p.red.report, ticketOptions(p));
        await copy(md, `Copied ${formatBytes(md.length)} of Markdown for your ticket${p.link?.ok ? ', with a share link' : ''}.`);
      })
      .catch(failed);
  });

  root.querySelector('[data-copy-jira]')?.addEventListener('click', () => {
    void prepare()
      .then(async (p) => {
        if (!p) return;
        const text = reportToJira(p.red.report, ticketOptions(p));
        await copy(text, `Copied ${formatBytes(text.length)} of Jira markup for your ticket.`);
      })
      .catch(failed);
  });

  $(root, '[data-download-json]').addEventListener('click', () => {
    void prepare()
      .then((p) => {
        if (!p) return;
        // Serialized after redaction: valid JSON whatever the log held.
        const json = JSON.stringify(p.red.report, null, 2);
        const a = el('a', { href: URL.createObjectURL(new Blob([json], { type: 'application/json' })), download: 'badgateway-report.json' });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
        say('Report downloaded as badgateway-report.json.');
      })
      .catch(failed);
  });

  $(root, '[data-share]').addEventListener('click', () => {
    void prepare()
      .then(async (p) => {
        if (!p) return;
        const link = p.link;
        if (!link || (!link.ok && link.reason === 'too-large')) {
          say('This input is too large to fit in a link (links hold up to 4 MB of input). Share the ticket Markdown or the JSON report instead, or paste only the relevant lines.');
          return;
        }
        if (!link.ok) {
          say(`Too large for a link: ${formatBytes(link.encodedChars)} compressed, links hold up to ${formatBytes(link.limit)}. Paste only the relevant lines, or share the ticket Markdown.`);
          return;
        }
        history.replaceState(null, '', link.url);
        await copy(link.url, `Share link copied (${formatBytes(link.encodedChars)}). The input travels in the part after #, which browsers never send to a server.`);
      })
      .catch(failed);
  });

  return { refresh: () => void refresh() };
}
