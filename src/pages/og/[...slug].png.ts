import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { renderOgImage } from '../../lib/og-image.ts';
import { KIND_LABELS } from '../../lib/page-urls.ts';
import { LAYERS } from '../../content/vocabulary.ts';

/** One 1200×630 PNG per content page, at /og/<content id>.png (e.g. /og/causes/connection-refused.png). */
export const getStaticPaths = (async () => {
  const docs = await getCollection('docs');
  return docs.map((e) => {
    const d = e.data as Record<string, unknown> & { kind: string; title: string; description: string };
    const statuses = d.kind === 'cause' ? (d.status as number[]) : d.kind === 'status' ? [d.code as number] : [];
    const layer = d.kind === 'cause' ? LAYERS[d.layer as keyof typeof LAYERS] : undefined;
    return {
      params: { slug: e.id },
      props: { title: d.title, description: d.description, kind: KIND_LABELS[d.kind] ?? 'Guide', statuses, layer },
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await renderOgImage(props as Parameters<typeof renderOgImage>[0]);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
