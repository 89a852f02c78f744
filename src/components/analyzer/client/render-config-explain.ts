/**
 * The "Configuration explained" panel: for pasted configuration, each
 * directive that matters to 502/504 with its value, the default it overrides
 * and what it does; what the paste does not show; risks. Built from text
 * nodes only (values come from the user's input).
 */
import type { ConfigExplanation, ExplainEntry, Report } from '../../../analyzer/types.ts';
import { el, plural } from './dom.ts';
import './render-config-explain.css';

function entry(e: ExplainEntry): HTMLElement {
  const li = el('li', { class: 'az-cx__entry' });
  const head = el('p', { class: 'az-cx__head' }, el('code', { class: 'az-cx__directive' }, e.directive), ' ', el('span', { class: 'az-cx__value' }, e.value));
  li.append(head);
  const meta: string[] = [];
  if (e.line !== undefined) meta.push(`line ${e.line}`);
  // The default is worth a line when the value overrides it, or when it is an older release's default.
  if (e.default !== undefined && (e.line !== undefined || e.default.includes('changed in'))) meta.push(`default ${e.default}`);
  if (e.defaultVaries) meta.push(`default varies: ${e.defaultVaries}`);
  if (meta.length) li.append(el('p', { class: 'az-cx__meta' }, meta.join(' · ')));
  if (e.effect) li.append(el('p', { class: 'az-cx__effect' }, e.effect));
  return li;
}

function groups(entries: ExplainEntry[]): Map<string, ExplainEntry[]> {
  const m = new Map<string, ExplainEntry[]>();
  for (const e of entries) {
    const list = m.get(e.scope) ?? [];
    list.push(e);
    m.set(e.scope, list);
  }
  return m;
}

function panel(c: ConfigExplanation): HTMLElement {
  const section = el('section', { class: 'az-cx', 'data-config-explain': '', 'aria-labelledby': 'az-cx-title' });
  section.append(el('h2', { class: 'az-h2', id: 'az-cx-title' }, 'Configuration explained'));
  section.append(el('p', { class: 'az-cx__version' }, c.version ? `nginx version: ${c.version}` : 'nginx version: not shown in the input; where a default changed between releases, both values are given.'));
  let first = true;
  for (const [scope, list] of groups(c.explain)) {
    const d = el('details', { class: 'az-cx__scope' });
    if (first) d.setAttribute('open', '');
    first = false;
    d.append(el('summary', {}, `${scope} · ${plural(list.length, 'directive')}`), el('ul', { class: 'az-cx__list' }, ...list.map(entry)));
    section.append(d);
  }
  if (c.explain.length === 0) section.append(el('p', { class: 'az-cx__meta' }, 'No directive that passes requests upstream was found in the pasted configuration.'));
  if (c.unknown.length) {
    section.append(el('h3', { class: 'az-cx__h3' }, 'Not shown in the paste'), el('ul', { class: 'az-cx__notes', 'data-config-unknown': '' }, ...c.unknown.map((u) => el('li', {}, u))));
  }
  if (c.advice.length) {
    section.append(el('h3', { class: 'az-cx__h3' }, 'Risks (not faults by themselves)'), el('ul', { class: 'az-cx__notes', 'data-config-advice': '' }, ...c.advice.map((a) => el('li', {}, `line ${a.line}: ${a.text}`))));
  }
  return section;
}

/** Puts the panel right after `anchor` (the findings list), replacing a previous one; removes it when the report has no configuration. */
export function renderConfigExplain(anchor: HTMLElement, r: Report): void {
  anchor.parentElement?.querySelector(':scope > [data-config-explain]')?.remove();
  if (r.config) anchor.after(panel(r.config));
}
