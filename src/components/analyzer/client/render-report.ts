/**
 * Renders a Report into the page: the result header, findings (causes first;
 * only the first one's evidence open, so a long paste stays a short page),
 * summary, timeline, unrecognised lines. Evidence and unrecognised lines open
 * their anatomy when activated (render-anatomy.ts).
 */
import type { Finding, Report } from '../../../analyzer/types.ts';
import { $, el, highlighted, plural, withInlineCode } from './dom.ts';
import { renderConfigExplain } from './render-config-explain.ts';
import { makeExplainable } from './render-anatomy.ts';
import { renderTimeline } from './render-timeline.ts';

const top = (pairs: [string, number][], n = 3) => pairs.slice(0, n).map(([k, v]) => `${k} (${v})`).join(', ') || '—';
const counts = (o: Record<string, number>) =>
  Object.entries(o)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ') || '—';

function renderSummary(root: HTMLElement, r: Report): void {
  const s = r.stats;
  const stat = (label: string, value: string) => el('dl', { class: 'az-stat' }, el('dt', {}, label), el('dd', {}, value));
  root.replaceChildren(
    stat('Time range', s.timeRange ? `${s.timeRange.first} → ${s.timeRange.last} (as logged, server time)` : 'no timestamps'),
    stat('Lines', `${s.lines.toLocaleString('en')} · ${counts(s.byKind as Record<string, number>)}`),
    stat('Levels', counts(s.byLevel)),
    stat('Statuses', counts(s.statuses)),
    stat('Top upstreams', top(s.topUpstreams)),
    ...(r.producer ? [stat('Error page from', `${r.producer.name}${r.producer.version ? ` ${r.producer.version}` : ''}`)] : []),
  );
}

function renderFinding(tpl: HTMLTemplateElement, f: Finding, index: number): HTMLElement {
  const li = (tpl.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  li.dataset.severity = f.severity;
  li.dataset.cause = f.cause;
  const badge = $(li, '[data-f-status]');
  badge.textContent = String(f.status).padStart(3, '0');
  badge.dataset.family = f.status >= 500 ? '5xx' : f.status >= 400 ? '4xx' : 'other';
  const link = $(li, '[data-f-link]') as HTMLAnchorElement;
  link.textContent = f.title;
  link.href = f.url;
  const fix = $(li, '[data-f-fix]') as HTMLAnchorElement;
  fix.href = f.fixUrl;
  fix.setAttribute('aria-label', `How to fix: ${f.title}`);
  const when = f.firstSeen ? ` · ${f.firstSeen}${f.lastSeen && f.lastSeen !== f.firstSeen ? ` → ${f.lastSeen}` : ''}` : '';
  $(li, '[data-f-meta]').textContent = `${plural(f.count, 'line')} · confidence ${f.confidence} · ${f.origin === 'log' ? 'from the logs' : f.origin === 'config' ? 'from the configuration' : 'by correlation'}${when}`;
  $(li, '[data-f-fixtext]').replaceChildren(withInlineCode(f.fix));
  if (f.note) {
    const note = $(li, '[data-f-note]');
    note.hidden = false;
    note.replaceChildren(withInlineCode(f.note));
  }
  const facts = $(li, '[data-f-facts]');
  for (const [k, values] of Object.entries(f.facts)) {
    if (!values.length) continue;
    facts.append(el('dt', {}, k), el('dd', {}, values.slice(0, 5).join(', ') + (values.length > 5 ? ` … (+${values.length - 5})` : '')));
  }
  const ev = $(li, '[data-f-evidence]');
  for (const e of f.evidence) ev.append(el('li', {}, el('span', { class: 'az-ln' }, `line ${e.line}`), makeExplainable(highlighted(e.text, e.span), e.text, e.line)));
  ($(li, '[data-f-more]') as HTMLDetailsElement).open = index === 0;
  $(li, '[data-f-more-summary]').textContent = `Fix, facts and evidence (${plural(f.count, 'line')})`;
  $(li, '[data-f-evidence-summary]').textContent =
    (f.evidence.length < f.count ? `Evidence: first ${f.evidence.length} of ${plural(f.count, 'line')}` : `Evidence (${plural(f.evidence.length, 'line')})`) + ' · tap a line to see its parts';
  return li;
}

function renderUnrecognised(wrap: HTMLElement, r: Report): void {
  wrap.hidden = r.unrecognisedCount === 0;
  if (wrap.hidden) return;
  $(wrap, '[data-unrecognised-summary]').textContent =
    `${plural(r.unrecognisedCount, 'line')} not recognised` + (r.unrecognised.length < r.unrecognisedCount ? ` (first ${r.unrecognised.length} shown)` : '');
  const list = $(wrap, '[data-unrecognised]');
  list.replaceChildren(
    ...r.unrecognised.map((u) => {
      const search = el('button', { type: 'button', class: 'az-linkbutton', 'data-search-line': '' }, 'search the knowledge base for this');
      search.dataset.query = u.text.slice(0, 200);
      return el('li', {}, el('span', { class: 'az-ln' }, `line ${u.line}`), makeExplainable(highlighted(u.text, undefined), u.text, u.line), el('span', { class: 'az-line-actions' }, search));
    }),
  );
}

export function renderReport(root: HTMLElement, r: Report): string {
  renderSummary($(root, '[data-summary]'), r);
  renderTimeline($(root, '[data-timeline-wrap]'), $(root, '[data-timeline]'), r.stats.timeline);
  const tpl = root.closest('[data-analyzer]')!.querySelector<HTMLTemplateElement>('template[data-finding-template]')!;
  const list = $(root, '[data-findings]');
  list.replaceChildren(...r.findings.map((f, i) => renderFinding(tpl, f, i)));
  $(root, '[data-findings-heading]').textContent = r.findings.length ? `${plural(r.findings.length, 'cause')} found` : 'No known cause found';
  renderConfigExplain(list, r);
  const lead = r.findings[0];
  $(root, '[data-result-lead]').textContent = lead
    ? `in ${plural(r.stats.lines, 'line')} · most severe: ${lead.title} (${lead.status})`
    : `in ${plural(r.stats.lines, 'line')}${r.unrecognisedCount ? ` · ${plural(r.unrecognisedCount, 'line')} not recognised, below` : ''}`;
  renderUnrecognised($(root, '[data-unrecognised-wrap]'), r);
  return r.findings.length
    ? `Analysis complete: ${plural(r.findings.length, 'cause')} found in ${plural(r.stats.lines, 'line')}. Most severe: ${lead!.title} (${lead!.status}).`
    : `Analysis complete: no known cause in ${plural(r.stats.lines, 'line')}.`;
}
