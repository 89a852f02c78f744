import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildCatalog } from '../../catalog/build.ts';
import type { CauseFrontmatter } from '../../content/schema.ts';

/** The analyzer's catalog, compiled from the cause articles at build time. */
export const GET: APIRoute = async () => {
  const docs = await getCollection('docs', (e) => e.data.kind === 'cause');
  const entries = docs.map((e) => {
    if (!e.id.startsWith('causes/')) throw new Error(`${e.filePath}: kind "cause" must live in content/causes/`);
    return { slug: e.id.slice('causes/'.length), data: e.data as unknown as CauseFrontmatter };
  });
  return new Response(JSON.stringify(buildCatalog(entries)), { headers: { 'Content-Type': 'application/json' } });
};
