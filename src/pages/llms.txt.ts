import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { markdownUrl } from '../lib/page-urls.ts';

/**
 * /llms.txt (https://llmstxt.org): H1, a blockquote summary, then one section
 * per kind of page, each line `- [Title](absolute .md URL): description`.
 */
const SECTIONS: { kind: string; heading: string }[] = [
  { kind: 'guide', heading: 'Guides' },
  { kind: 'cause', heading: 'Causes' },
  { kind: 'status', heading: 'Status codes' },
  { kind: 'stack', heading: 'Stacks' },
];

export const GET: APIRoute = async ({ site }) => {
  const origin = String(site ?? 'http://localhost/').replace(/\/+$/, '');
  const docs = (await getCollection('docs')).sort((a, b) => a.id.localeCompare(b.id));
  const line = (e: (typeof docs)[number]) => `- [${e.data.title}](${origin}${markdownUrl(e.id)}): ${e.data.description ?? ''}`;
  const out = [
    '# badgateway',
    '',
    '> The field guide to nginx 502 Bad Gateway errors: one article per cause (exact log lines, commands that confirm it, the config that fixes it), status-code and stack guides, and a private log analyzer. Every page is also available as Markdown at the URLs below.',
    '',
    `Cause articles keep fixed section anchors (#symptoms #why #confirm #fix #verify #prevent) on their HTML pages. The machine-readable catalog of causes, log signatures (JavaScript regular expressions), status codes and stacks is at ${origin}/api/catalog.json.`,
    '',
  ];
  for (const { kind, heading } of SECTIONS) {
    const items = docs.filter((e) => e.data.kind === kind);
    if (items.length) out.push(`## ${heading}`, '', ...items.map(line), '');
  }
  const other = docs.filter((e) => !SECTIONS.some((s) => s.kind === e.data.kind));
  out.push('## Optional', '', ...other.map(line), `- [Catalog API](${origin}/api/catalog.json): causes, signatures, status pages and stacks as JSON.`, `- [Diagnostic collector](${origin}/collect.sh): a read-only POSIX sh script that gathers what the triage needs into one bundle for the analyzer.`, '');
  return new Response(out.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
