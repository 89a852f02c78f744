/**
 * The "errors per minute" chart: bars on an even time axis with labelled
 * axes, and one bucket selected at a time (the peak at first) whose numbers
 * are read out below. It is a slider for assistive technology: arrow keys,
 * Home/End and Page keys move the selection; a tap or click picks a bar.
 */
import type { TimelineBucket } from '../../../analyzer/types.ts';
import { el, plural } from './dom.ts';
import { errorsIn, minuteLabel, timelineSeries } from './timeline-data.ts';

const NS = 'http://www.w3.org/2000/svg';
const W = 600;
const H = 80;

function describe(b: TimelineBucket, withDate: boolean): string {
  const parts = [`${minuteLabel(b.minute, withDate)}: ${plural(b.errors, 'error line')}`];
  if (b.server5xx || b.requests) parts.push(`${plural(b.server5xx, '5xx response')} of ${plural(b.requests, 'request')}`);
  return parts.join(', ');
}

export function renderTimeline(wrap: HTMLElement, host: HTMLElement, input: TimelineBucket[]): void {
  wrap.hidden = input.length < 2;
  if (wrap.hidden) {
    host.replaceChildren();
    return;
  }
  const { buckets, continuous, max, peak } = timelineSeries(input);
  const first = buckets[0]!;
  const last = buckets.at(-1)!;
  const withDate = first.minute.slice(0, 10) !== last.minute.slice(0, 10);
  const bw = W / buckets.length;

  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const rects = buckets.map((b, i) => {
    const v = errorsIn(b);
    const bh = v ? Math.max(2, (v / max) * (H - 2)) : 0;
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(i * bw + Math.min(0.5, bw * 0.1)));
    rect.setAttribute('y', String(H - bh));
    rect.setAttribute('width', String(Math.max(0.6, bw - Math.min(1, bw * 0.2))));
    rect.setAttribute('height', String(bh));
    rect.setAttribute('class', 'err');
    svg.append(rect);
    return rect;
  });
  const cursor = document.createElementNS(NS, 'rect');
  cursor.setAttribute('class', 'cursor');
  cursor.setAttribute('y', '0');
  cursor.setAttribute('height', String(H));
  svg.prepend(cursor);

  const plot = el('div', {
    class: 'az-tl__plot',
    role: 'slider',
    tabindex: '0',
    'aria-label': 'Errors per minute: choose a minute',
    'aria-valuemin': '0',
    'aria-valuemax': String(buckets.length - 1),
    'data-timeline-plot': '',
  });
  plot.append(svg);
  const readout = el('p', { class: 'az-tl__readout', 'data-timeline-readout': '' });

  let selected = -1;
  const select = (i: number) => {
    i = Math.max(0, Math.min(buckets.length - 1, i));
    if (selected >= 0) rects[selected]?.classList.remove('sel');
    selected = i;
    rects[i]?.classList.add('sel');
    cursor.setAttribute('x', String(i * bw));
    cursor.setAttribute('width', String(Math.max(bw, 2)));
    const text = describe(buckets[i]!, withDate);
    plot.setAttribute('aria-valuenow', String(i));
    plot.setAttribute('aria-valuetext', text);
    readout.textContent = text;
  };
  plot.addEventListener('keydown', (e) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 }[e.key];
    if (step !== undefined) select(selected + step);
    else if (e.key === 'Home') select(0);
    else if (e.key === 'End') select(buckets.length - 1);
    else return;
    e.preventDefault();
  });
  plot.addEventListener('pointerdown', (e) => {
    const box = plot.getBoundingClientRect();
    select(Math.floor(((e.clientX - box.left) / box.width) * buckets.length));
  });
  select(peak);

  const yAxis = el('div', { class: 'az-tl__y', 'aria-hidden': 'true' }, el('span', {}, String(max)), el('span', { class: 'az-tl__ytitle' }, 'errors'), el('span', {}, '0'));
  const xAxis = el('div', { class: 'az-tl__x', 'aria-hidden': 'true' }, el('span', {}, minuteLabel(first.minute, withDate)), el('span', {}, minuteLabel(last.minute, withDate)));
  const xTitle = el('div', { class: 'az-tl__xtitle' }, continuous ? 'time as logged (server time), one bar per minute' : 'minutes with activity only (the span is over a day)');
  host.replaceChildren(el('div', { class: 'az-tl' }, yAxis, plot, el('span', {}), xAxis, el('span', {}), xTitle), readout);
}
