/**
 * Behaviour of the "who returned this 502?" widget. Everything shown is built
 * from text nodes (a pasted page is never parsed as HTML here). The answer
 * path lives in the URL's `who` parameter; the pasted text never does.
 */
import { el, withInlineCode } from '../analyzer/client/dom.ts';
import { PRODUCERS, type ProducerInfo } from '../../triage/producers.ts';
import { decodePath, encodePath, walk, type Step } from '../../triage/questions.ts';
import { whoReturned, type Verdict } from '../../triage/who-returned.ts';

const PARAM = 'who';

function need<T extends Element>(root: ParentNode, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`who-returned markup is missing ${selector}`);
  return node;
}

function verdictCard(info: ProducerInfo, extra: { note?: string; verdict?: Verdict }): HTMLElement {
  const v = extra.verdict;
  const title = v?.version ? `${info.title} (${v.producer === 'openresty' ? 'openresty' : 'nginx'}/${v.version})` : info.title;
  const card = el('div', { class: 'who__verdict', 'data-who-producer': info.id });
  card.append(el('p', { class: 'who__verdict-title' }, title));
  if (v?.via.length) card.append(el('p', {}, `Seen through: ${v.via.join(', ')}.`));
  if (v?.status) card.append(el('p', {}, `Status: ${v.status}.`));
  if (extra.note) card.append(el('p', {}, withInlineCode(extra.note)));
  card.append(el('p', {}, withInlineCode(info.next)));
  if (v?.evidence.length) {
    const list = el('ul', { class: 'who__evidence', 'aria-label': 'What gave it away' });
    for (const e of v.evidence) list.append(el('li', {}, e));
    card.append(list);
  }
  card.append(el('p', {}, el('a', { href: info.link.href }, `Next: ${info.link.label} →`)));
  return card;
}

export function mountWhoReturned(root: HTMLElement): void {
  const paste = need<HTMLTextAreaElement>(root, '[data-who-paste]');
  const pasteResult = need<HTMLElement>(root, '[data-who-paste-result]');
  const stepsList = need<HTMLOListElement>(root, '[data-who-steps]');
  const verdictBox = need<HTMLElement>(root, '[data-who-verdict]');
  const restart = need<HTMLButtonElement>(root, '[data-who-restart]');

  // ---- paste ----
  let timer: ReturnType<typeof setTimeout> | undefined;
  const identify = () => {
    pasteResult.replaceChildren();
    const text = paste.value;
    if (!text.trim()) return;
    const r = whoReturned(text);
    if (r.ok) pasteResult.append(verdictCard(r.verdict.info, { verdict: r.verdict }));
    else pasteResult.append(el('p', { class: 'who__problem' }, r.reason));
  };
  paste.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(identify, 120);
  });

  // ---- questions ----
  const current = (): string[] => decodePath(new URL(location.href).searchParams.get(PARAM));

  const setPath = (ids: string[], focus: boolean) => {
    const url = new URL(location.href);
    if (ids.length) url.searchParams.set(PARAM, encodePath(ids));
    else url.searchParams.delete(PARAM);
    url.hash = 'who-returned';
    history.pushState({ who: ids }, '', url);
    render(focus);
  };

  const render = (focus: boolean) => {
    const { steps, used } = walk(current());
    stepsList.replaceChildren();
    verdictBox.replaceChildren();
    let toFocus: HTMLElement | undefined;
    steps.forEach((step: Step, index) => {
      if (step.kind === 'verdict') {
        verdictBox.append(verdictCard(PRODUCERS[step.producer], { note: step.note }));
        toFocus = verdictBox.querySelector<HTMLElement>('.who__verdict-title') ?? undefined;
        return;
      }
      const q = step.question;
      const item = el('li', { class: 'who__q', 'data-question': q.id });
      const heading = el('p', { class: 'who__qtext', id: `who-q-${q.id}`, tabindex: '-1' });
      heading.append(withInlineCode(q.text));
      item.append(heading);
      if (step.chosen) {
        const chosen = el('div', { class: 'who__chosen' }, el('span', {}, `Answer: ${step.chosen.label}`));
        const change = el('button', { type: 'button', class: 'who__change', 'aria-label': `Change the answer to: ${q.text.replace(/`/g, '')}` }, 'Change');
        change.addEventListener('click', () => setPath(used.slice(0, index), true));
        chosen.append(change);
        item.append(chosen);
      } else {
        if (q.hint) {
          const hint = el('p', { class: 'who__hint' });
          hint.append(withInlineCode(q.hint));
          item.append(hint);
        }
        const group = el('div', { class: 'who__answers', role: 'group', 'aria-labelledby': heading.id });
        for (const a of q.answers) {
          const b = el('button', { type: 'button', class: 'who__answer', 'data-answer': a.id, 'aria-pressed': 'false' }, a.label);
          b.addEventListener('click', () => setPath([...used, a.id], true));
          group.append(b);
        }
        item.append(group);
        toFocus = heading;
      }
      stepsList.append(item);
    });
    restart.hidden = used.length === 0;
    if (focus && toFocus) {
      if (!toFocus.hasAttribute('tabindex')) toFocus.setAttribute('tabindex', '-1');
      toFocus.focus();
    }
  };

  restart.addEventListener('click', () => setPath([], true));
  window.addEventListener('popstate', () => render(false));
  render(false);
}
