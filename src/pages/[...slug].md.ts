import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { mdxToMarkdown } from '../lib/mdx-to-markdown.ts';
import { pageUrl } from '../lib/page-urls.ts';
import { LAYERS, STACKS } from '../content/vocabulary.ts';

/**
 * Every content page as Markdown at /<content id>.md
 * (/causes/connection-refused.md, /status/502.md, /index.md for the home page),
 * generated from its MDX source. See docs/catalog-api.md.
 */
export const getStaticPaths = (async () => {
  const docs = await getCollection('docs');
  return docs.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: Awaited<ReturnType<typeof getCollection<'docs'>>>[number] };
  const d = entry.data as Record<string, unknown> & { kind: string; title: string; description: string };
  const origin = String(site ?? 'http://localhost/').replace(/\/+$/, '');
  const facts: string[] = [];
  if (d.kind === 'cause') {
    facts.push(
      `- Status: ${(d.status as number[]).join(', ')}`,
      `- Layer: ${LAYERS[d.layer as keyof typeof LAYERS]}`,
      `- Stacks: ${(d.stacks as (keyof typeof STACKS)[]).map((s) => STACKS[s]).join(', ')}`,
      `- Severity: ${String(d.severity)}`,
    );
  } else if (d.kind === 'status') {
    facts.push(`- Status: ${String(d.code)} ${String(d.phrase)}${d.rfc ? ` (${String(d.rfc)})` : ''}`, `- Sent to the client: ${d.sentToClient ? 'yes' : 'no'}`);
  }
  const body = mdxToMarkdown({
    title: d.title,
    description: d.description,
    body: entry.body ?? '',
    site: origin,
    url: `${origin}${pageUrl(entry.id)}`,
    facts,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};
