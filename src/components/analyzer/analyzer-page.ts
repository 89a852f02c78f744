/**
 * Wires the analyzer page: input (typing, paste, drop, file picker, samples,
 * permalinks, including a new link opened in this tab) → worker → rendered
 * report. After an input that arrived at once (not typing), the result header
 * is focused and scrolled into view: on a phone it is otherwise below the
 * fold. The main thread only renders.
 */
import type { Report } from '../../analyzer/types.ts';
import { $, formatBytes, plural } from './client/dom.ts';
import { setupExport } from './client/export.ts';
import { bindAnatomy } from './client/render-anatomy.ts';
import { renderReport } from './client/render-report.ts';
import { analyze, cancel, explain, readShare, warm, type Input } from './client/worker-client.ts';
import { openSiteSearch, searchableMessage } from '../../lib/site-search.ts';

/** Pastes above this size are analysed without being put into the textarea. */
const BIG_PASTE = 1 << 20;
/** Inputs up to this size can be put in a share link (before compression). */
const SHAREABLE = 4 << 20;
const DEBOUNCE_MS = 250;
/** `?threads=N`: how many threads read a dropped file (1: one; by default the worker decides), for comparing. */
const THREADS = ((n) => (Number.isInteger(n) && n >= 1 ? n : undefined))(Number(new URLSearchParams(location.search).get('threads') ?? NaN));

const root = document.querySelector<HTMLElement>('[data-analyzer]');
if (root) init(root);

function init(root: HTMLElement): void {
  const textarea = $(root, '#az-text') as HTMLTextAreaElement;
  const fileChip = $(root, '[data-file]');
  const fileName = $(root, '[data-file-name]');
  const fileInput = $(root, '[data-file-input]') as HTMLInputElement;
  const progress = $(root, '[data-progress]');
  const bar = $(root, '[data-progress-bar]') as HTMLProgressElement;
  const progressText = $(root, '[data-progress-text]');
  const status = $(root, '[data-status]');
  const error = $(root, '[data-error]');
  const results = $(root, '[data-results]');
  const veil = $(root, '[data-dropveil]');
  const sampleSelect = $(root, '[data-sample]') as HTMLSelectElement;
  const samples = JSON.parse($(root, '[data-samples]').textContent ?? '[]') as string[];

  /** Input held outside the textarea: a file, or a paste too big to render. */
  let held: Input | null = null;
  let report: Report | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Set by inputs that arrive whole (paste, file, sample, link): the next result is brought into view. */
  let revealNext = false;
  const resultHead = $(root, '[data-result-head]');

  const exporter = setupExport(root, {
    get report() {
      return report;
    },
    inputText: async () => {
      if (!held) return textarea.value;
      if (held.kind === 'text') return held.text.length <= SHAREABLE ? held.text : null;
      return held.file.size <= SHAREABLE ? held.file.text() : null;
    },
  });

  const showError = (msg: string | null) => {
    error.hidden = !msg;
    error.textContent = msg ?? '';
  };

  async function run(input: Input): Promise<void> {
    showError(null);
    const size = input.kind === 'text' ? input.text.length : input.file.size;
    if (size === 0) {
      results.hidden = true;
      progress.hidden = true;
      status.textContent = '';
      return;
    }
    const big = size > 512 * 1024;
    progress.hidden = !big;
    bar.value = 0;
    progressText.textContent = big ? `0 of ${formatBytes(size)}` : '';
    status.textContent = big ? `Analyzing ${formatBytes(size)}…` : status.textContent;
    try {
      const r = await analyze(input, THREADS, (p) => {
        bar.value = p.total ? (100 * p.bytes) / p.total : 0;
        progressText.textContent = `${formatBytes(p.bytes)} of ${formatBytes(p.total)}`;
      });
      if (!r) return; // superseded by a newer input or cancelled
      report = r;
      progress.hidden = true;
      results.hidden = false;
      status.textContent = renderReport(results, r) + (r.warnings.length ? ` ${r.warnings.join(' ')}` : '');
      exporter.refresh();
      if (revealNext) {
        revealNext = false;
        resultHead.focus({ preventScroll: true });
        resultHead.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      }
    } catch (e) {
      progress.hidden = true;
      showError(`The analyzer failed on this input: ${(e as Error).message}. Nothing was sent anywhere; try a smaller part of the log.`);
    }
  }

  function hold(input: Input, label: string): void {
    held = input;
    revealNext = true;
    textarea.value = '';
    textarea.hidden = true;
    fileChip.hidden = false;
    fileName.textContent = label;
    void run(input);
  }

  function clearHeld(): void {
    held = null;
    textarea.hidden = false;
    fileChip.hidden = true;
    void cancel();
    progress.hidden = true;
    results.hidden = true;
    status.textContent = '';
    textarea.focus();
  }

  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run({ kind: 'text', text: textarea.value }), DEBOUNCE_MS);
  });
  textarea.addEventListener('paste', (e) => {
    revealNext = true;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (text.length > BIG_PASTE) {
      e.preventDefault();
      hold({ kind: 'text', text }, `Pasted text · ${formatBytes(text.length)} · ${plural(text.split('\n').length, 'line')} (not shown, to keep the page fast)`);
    }
  });
  $(root, '[data-clear]').addEventListener('click', clearHeld);
  $(root, '[data-cancel]').addEventListener('click', () => {
    void cancel();
    progress.hidden = true;
    status.textContent = 'Analysis cancelled.';
  });

  $(root, '[data-pick]').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) hold({ kind: 'file', file }, `${file.name} · ${formatBytes(file.size)}`);
    fileInput.value = '';
  });

  // Drop anywhere on the page.
  let depth = 0;
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    veil.hidden = false;
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) veil.hidden = true;
  });
  window.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    veil.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (file) hold({ kind: 'file', file }, `${file.name} · ${formatBytes(file.size)}`);
  });

  sampleSelect.addEventListener('change', () => {
    const text = samples[Number(sampleSelect.value)];
    if (sampleSelect.value === '' || text === undefined) return;
    if (held) clearHeld();
    textarea.value = text;
    revealNext = true;
    void run({ kind: 'text', text });
  });

  // "search the knowledge base for this" on unrecognised lines opens the site search with the line's message.
  results.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-search-line]');
    if (button) void openSiteSearch(searchableMessage(button.dataset.query ?? ''), e);
  });
  bindAnatomy(results, explain);

  warm();
  /** The input a share link (#input=… or #line=…) carries, put in the page and analysed. */
  async function openLink(): Promise<void> {
    let text: string | null;
    try {
      // Decoded in the worker: streaming, capped, off the main thread.
      text = await readShare(location.hash);
    } catch (e) {
      showError(`This share link cannot be opened. ${(e as Error).message}`);
      return;
    }
    if (!text) return;
    showError(null);
    revealNext = true;
    if (text.length > BIG_PASTE) hold({ kind: 'text', text }, `Shared input · ${formatBytes(text.length)}`);
    else {
      if (held) clearHeld();
      textarea.value = text;
      void run({ kind: 'text', text });
    }
  }
  void openLink();
  // A share link opened in a tab already on this page only changes the fragment.
  let lastHash = location.hash;
  window.addEventListener('hashchange', () => {
    if (location.hash === lastHash) return;
    lastHash = location.hash;
    void openLink();
  });
}
