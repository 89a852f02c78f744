/**
 * Turns an MDX article into plain Markdown for the `.md` views and llms.txt
 * readers: title as H1, description as a blockquote, `import`/`export` lines
 * dropped, Starlight `<Aside>`s as blockquotes, other components dropped (or
 * replaced by a pointer to the page), code fences kept verbatim, site-relative
 * links made absolute. Pure string work, no MDX compiler.
 */

export interface MarkdownPage {
  title: string;
  description?: string | undefined;
  /** MDX body (without frontmatter). */
  body: string;
  /** Public origin, e.g. "https://badgateway.dev". */
  site: string;
  /** Absolute URL of the HTML page. */
  url: string;
  /** Extra lines placed under the description (facts such as status codes). */
  facts?: string[];
}

const ASIDE_LABEL: Record<string, string> = { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' };
/** Components that only make sense in the browser; the Markdown points to the page instead. */
const INTERACTIVE: Record<string, string> = {
  Analyzer: 'The interactive analyzer runs in the browser at',
  HomeSearch: 'Search the knowledge base at',
};

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

export function mdxToMarkdown(page: MarkdownPage): string {
  const site = page.site.replace(/\/+$/, '');
  const out: string[] = [`# ${page.title}`, ''];
  if (page.description) out.push(`> ${page.description}`, '');
  if (page.facts?.length) out.push(...page.facts, '');
  out.push(`Source: ${page.url}`, '');

  let fence: string | null = null; // the opening fence marker while inside a code block
  let asideDepth = 0;
  let inComment = false;
  const emit = (line: string) => out.push(asideDepth > 0 ? (line.trim() === '' ? '>' : `> ${line}`) : line);

  for (const raw of page.body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw;
    if (fence) {
      emit(line);
      if (new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) fence = null;
      continue;
    }
    const open = /^\s*(`{3,}|~{3,})/.exec(line);
    if (open) {
      fence = open[1]!;
      emit(line.replace(/^(\s*(?:`{3,}|~{3,})[\w+-]*)\s.*$/, '$1'));
      continue;
    }
    if (inComment) {
      if (line.includes('*/}')) inComment = false;
      continue;
    }
    if (/^\s*\{\/\*/.test(line)) {
      if (!line.includes('*/}')) inComment = true;
      continue;
    }
    if (asideDepth === 0 && /^(import|export)\s/.test(line)) continue;

    const asideOpen = /^\s*<Aside\b([^>]*)>\s*(.*)$/.exec(line);
    if (asideOpen) {
      const tag = asideOpen[1]!;
      const label = ASIDE_LABEL[attr(tag, 'type') ?? 'note'] ?? 'Note';
      const title = attr(tag, 'title');
      asideDepth++;
      emit(`**${title ? `${label}: ${title}` : label}**`);
      emit('');
      const rest = asideOpen[2]!.replace(/<\/Aside>\s*$/, '');
      if (rest) emit(rest);
      if (/<\/Aside>\s*$/.test(line)) {
        asideDepth--;
        out.push('');
      }
      continue;
    }
    if (/^\s*<\/Aside>\s*$/.test(line)) {
      asideDepth = Math.max(0, asideDepth - 1);
      if (asideDepth === 0) out.push('');
      continue;
    }
    const selfClosing = /^\s*<([A-Z][A-Za-z0-9.]*)\b[^>]*\/>\s*$/.exec(line);
    if (selfClosing) {
      const pointer = INTERACTIVE[selfClosing[1]!];
      if (pointer) emit(`${pointer} ${page.url}`);
      continue;
    }
    const tabItem = /^\s*<TabItem\b([^>]*)>\s*$/.exec(line);
    if (tabItem) {
      const label = attr(tabItem[1]!, 'label');
      if (label) emit(`**${label}**`);
      continue;
    }
    // Wrapper components (<Steps>, <Tabs>, </TabItem>, <CardGrid> …): keep their content, drop the tags.
    if (/^\s*<\/?[A-Z][A-Za-z0-9.]*\b[^>]*>\s*$/.test(line)) continue;

    emit(line.replace(/\]\(\/(?!\/)/g, `](${site}/`).replace(/\bhref="\/(?!\/)/g, `href="${site}/`));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
