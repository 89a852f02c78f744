/** Renders a Report into the page: summary, timeline, findings, unrecognised lines. */
import type { Finding, Report, TimelineBucket } from '../../../analyzer/types.ts';
import { $, el, highlighted, plural, withInlineCode } from './dom.ts';
import { renderConfigExplain } from './render-config-explain.ts';

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

function renderTimeline(wrap: HTMLElement, host: HTMLElement, buckets: TimelineBucket[]): void {
  wrap.hidden = buckets.length < 2;
  if (wrap.hidden) return;
  const NS = 'http://www.w3.org/2000/svg';
  const w = 600;
  const h = 64;
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.errors + b.server5xx, 1)));
  const bw = w / buckets.length;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  const peak = buckets.reduce((a, b) => (b.errors + b.server5xx > a.errors + a.server5xx ? b : a));
  svg.setAttribute('aria-label', `${buckets.length} minutes from ${buckets[0]!.minute} to ${buckets.at(-1)!.minute}; peak ${peak.errors + peak.server5xx} errors at ${peak.minute}`);
  buckets.forEach((b, i) => {
    const v = b.errors + b.server5xx;
    const rect = document.createElementNS(NS, 'rect');
    const bh = (v / max) * (h - 2);
    rect.setAttribute('x', String(i * bw + 0.5));
    rect.setAttribute('y', String(h - bh));
    rect.setAttribute('width', String(Math.max(1, bw - 1)));
    rect.setAttribute('height', String(bh));
    rect.setAttribute('class', 'err');
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${b.minute}: ${b.errors} error lines, ${b.server5xx} 5xx responses, ${b.requests} requests`;
    rect.append(title);
    svg.append(rect);
  });
  host.replaceChildren(svg);
}

function renderFinding(tpl: HTMLTemplateElement, f: Finding): HTMLElement {
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
  for (const e of f.evidence) ev.append(el('li', {}, el('span', { class: 'az-ln' }, `line ${e.line}`), highlighted(e.text, e.span)));
  $(li, '[data-f-evidence-summary]').textContent =
    f.evidence.length < f.count ? `Evidence: first ${f.evidence.length} of ${plural(f.count, 'line')}` : `Evidence (${plural(f.evidence.length, 'line')})`;
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
      const search = el('a', { href: '#', 'data-search-line': '' }, 'search the knowledge base for this');
      search.dataset.query = u.text.slice(0, 200);
      const text = highlighted(u.text, undefined);
      text.append(' ', search);
      return el('li', {}, el('span', { class: 'az-ln' }, `line ${u.line}`), text);
    }),
  );
}

export function renderReport(root: HTMLElement, r: Report): string {
  renderSummary($(root, '[data-summary]'), r);
  renderTimeline($(root, '[data-timeline-wrap]'), $(root, '[data-timeline]'), r.stats.timeline);
  const tpl = root.closest('[data-analyzer]')!.querySelector<HTMLTemplateElement>('template[data-finding-template]')!;
  const list = $(root, '[data-findings]');
  list.replaceChildren(...r.findings.map((f) => renderFinding(tpl, f)));
  $(root, '[data-findings-heading]').textContent = r.findings.length ? `Causes found (${r.findings.length})` : 'No known cause recognised';
  renderConfigExplain(list, r);
  renderUnrecognised($(root, '[data-unrecognised-wrap]'), r);
  const lead = r.findings[0];
  return r.findings.length
    ? `Analysis complete: ${plural(r.findings.length, 'cause')} found in ${plural(r.stats.lines, 'line')}. Most severe: ${lead!.title} (${lead!.status}).`
    : `Analysis complete: no known cause in ${plural(r.stats.lines, 'line')}.`;
}
