/**
 * Per-line anatomy on the analyzer page: an evidence or unrecognised line is
 * a button; activating it (click, tap, Enter, Space) opens a panel under it
 * with the line's parsed fields, numbered on the line itself, as explainshell
 * does for a command. Fields come from the worker (src/analyzer/anatomy.ts);
 * everything is built from text nodes.
 */
import type { AnatomyField, LineAnatomy } from '../../../analyzer/anatomy.ts';
import { el } from './dom.ts';

const lineText = new WeakMap<HTMLElement, string>();
let panels = 0;

/** Makes a rendered line open its anatomy when activated. */
export function makeExplainable(line: HTMLElement, text: string, lineNo: number): HTMLElement {
  lineText.set(line, text);
  line.setAttribute('role', 'button');
  line.setAttribute('tabindex', '0');
  line.setAttribute('aria-expanded', 'false');
  // Its accessible name is the line itself; the line number sits beside it.
  line.dataset.line = String(lineNo);
  line.dataset.explain = '';
  return line;
}

/** Fields with a span that do not overlap a smaller one: the finest parts, in line order. */
function marked(fields: AnatomyField[]): AnatomyField[] {
  const chosen: AnatomyField[] = [];
  const spanned = fields.filter((f) => f.span && f.span[1] > f.span[0]).sort((a, b) => a.span![1] - a.span![0] - (b.span![1] - b.span![0]));
  for (const f of spanned) {
    const [a, b] = f.span!;
    if (chosen.every((c) => b <= c.span![0] || a >= c.span![1])) chosen.push(f);
  }
  return chosen.sort((x, y) => x.span![0] - y.span![0]);
}

export function anatomyPanel(a: LineAnatomy, id: string): HTMLElement {
  const marks = marked(a.fields);
  const number = new Map(marks.map((f, i) => [f, i + 1]));

  const line = el('p', { class: 'az-anatomy__line', 'aria-hidden': 'true' });
  let at = 0;
  for (const f of marks) {
    const [s, e] = f.span!;
    if (s > at) line.append(a.line.slice(at, s));
    line.append(el('mark', {}, a.line.slice(s, e), el('sup', {}, String(number.get(f)))));
    at = e;
  }
  if (at < a.line.length) line.append(a.line.slice(at));

  const head = el('p', { class: 'az-anatomy__summary' });
  if (a.harmless) head.append(el('span', { class: 'az-anatomy__tag az-anatomy__tag--ok' }, 'harmless'), ' ');
  head.append(a.summary ?? `Read as: ${a.kind}.`);
  if (a.cause) head.append(' ', el('a', { href: `/causes/${a.cause}/` }, 'Read the article →'));

  const list = el('dl', { class: 'az-anatomy__fields' });
  for (const f of a.fields) {
    const n = number.get(f);
    const dd = el('dd', {}, el('code', {}, f.value));
    if (f.meaning) dd.append(el('span', { class: 'az-anatomy__meaning' }, f.meaning));
    list.append(el('dt', {}, ...(n ? [el('span', { class: 'az-anatomy__n', 'aria-hidden': 'true' }, String(n)), ' '] : []), f.label), dd);
  }
  if (!a.fields.length) list.append(el('dt', {}, 'Fields'), el('dd', {}, 'none: this engine has no grammar for this line.'));

  return el('div', { class: 'az-anatomy', id, role: 'region', 'aria-label': 'Parts of this line', 'data-anatomy': '' }, head, line, list);
}

/** Wires activation of every explainable line under `root` (rendered now or later). */
export function bindAnatomy(root: HTMLElement, explain: (text: string) => Promise<LineAnatomy>): void {
  async function toggle(line: HTMLElement): Promise<void> {
    const text = lineText.get(line);
    if (text === undefined) return;
    const open = line.getAttribute('aria-controls');
    const existing = open ? document.getElementById(open) : null;
    if (existing) {
      existing.remove();
      line.removeAttribute('aria-controls');
      line.setAttribute('aria-expanded', 'false');
      return;
    }
    line.setAttribute('aria-busy', 'true');
    try {
      const panel = anatomyPanel(await explain(text), `az-anatomy-${++panels}`);
      line.after(panel);
      line.setAttribute('aria-controls', panel.id);
      line.setAttribute('aria-expanded', 'true');
    } catch (e) {
      const panel = el('div', { class: 'az-anatomy', id: `az-anatomy-${++panels}`, 'data-anatomy': '' }, `This line could not be taken apart: ${(e as Error).message}`);
      line.after(panel);
      line.setAttribute('aria-controls', panel.id);
      line.setAttribute('aria-expanded', 'true');
    } finally {
      line.removeAttribute('aria-busy');
    }
  }
  root.addEventListener('click', (e) => {
    const line = (e.target as HTMLElement).closest<HTMLElement>('[data-explain]');
    // A drag that selected text is someone copying the line, not asking for its parts.
    if (!line || (getSelection()?.toString() ?? '') !== '') return;
    void toggle(line);
  });
  root.addEventListener('keydown', (e) => {
    const line = (e.target as HTMLElement).closest<HTMLElement>('[data-explain]');
    if (!line || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    void toggle(line);
  });
}
