import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildCatalog } from '../../catalog/build.ts';
import { buildSiteCatalog } from '../../catalog/site.ts';
import type { CauseFrontmatter } from '../../content/schema.ts';

/**
 * The catalog API, compiled from the articles at build time: the analyzer's
 * catalog (`version`, `causes` — the worker fetches this same file) plus status
 * and stack pages. Schema: docs/catalog-api.md, src/catalog/site.ts.
 */
export const GET: APIRoute = async ({ site }) => {
  const docs = await getCollection('docs');
  const entries = docs
    .filter((e) => e.data.kind === 'cause')
    .map((e) => {
      if (!e.id.startsWith('causes/')) throw new Error(`${e.filePath}: kind "cause" must live in content/causes/`);
      return { slug: e.id.slice('causes/'.length), data: e.data as unknown as CauseFrontmatter };
    });
  const statuses = docs.flatMap((e) =>
    e.data.kind === 'status'
      ? [
          {
            id: e.id,
            code: e.data.code,
            phrase: e.data.phrase,
            title: e.data.title,
            description: e.data.description,
            standard: e.data.standard,
            rfc: e.data.rfc,
            sentToClient: e.data.sentToClient,
            related: e.data.related,
          },
        ]
      : [],
  );
  const stacks = docs.flatMap((e) =>
    e.data.kind === 'stack' ? [{ id: e.id, stack: e.data.stack, title: e.data.title, description: e.data.description }] : [],
  );
  const generated = process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date();
  const catalog = buildSiteCatalog(buildCatalog(entries), statuses, stacks, { site: String(site ?? 'http://localhost/'), generated });
  return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json' } });
};
