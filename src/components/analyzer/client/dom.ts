/** Tiny DOM helpers. Everything from a log goes in through textContent, never innerHTML. */

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export function $(root: ParentNode, selector: string): HTMLElement {
  const node = root.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`analyzer markup is missing ${selector}`);
  return node;
}

/** A log line with the matched span wrapped in <mark>, built from text nodes. */
export function highlighted(text: string, span: [number, number] | undefined): HTMLElement {
  const line = el('span', { class: 'az-line' });
  if (!span || span[1] <= span[0]) {
    line.textContent = text;
    return line;
  }
  const [a, b] = span;
  line.append(text.slice(0, a), el('mark', {}, text.slice(a, b)), text.slice(b));
  return line;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Text with `backtick` spans shown as <code>, built from text nodes (fix texts come from articles). */
export function withInlineCode(text: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) frag.append(el('code', {}, part.slice(1, -1)));
    else if (part) frag.append(part);
  });
  return frag;
}
