/**
 * Starlight route middleware (configured as `routeMiddleware`): adds what link
 * previews and search engines read to every page's <head> — the generated Open
 * Graph image, Twitter card fields, JSON-LD (TechArticle + BreadcrumbList) —
 * and sets "last updated" from git. (The service worker is registered by
 * src/components/Head.astro.)
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { lastCommitDate } from './lib/git-dates.ts';
import { breadcrumbs, contentId, markdownUrl, ogImageUrl, pageUrl } from './lib/page-urls.ts';
import { LAYERS } from './content/vocabulary.ts';

const ARTICLE_KINDS = new Set(['cause', 'status', 'stack', 'guide']);

/** JSON for a <script type="application/ld+json">: "<" escaped so no string can close the tag. */
function ldJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { entry } = route;
  const data = entry.data as Record<string, unknown> & { kind?: string; title: string; description?: string };
  const site = context.site ?? new URL(context.url.origin);
  const abs = (path: string) => new URL(path, site).href;
  const is404 = entry.id === '404' || context.url.pathname.startsWith('/404');

  // Service worker: caches the site, its search index and the analyzer for offline use (see src/lib/service-worker.ts).
  if (is404) return;

  const fromContent = typeof entry.filePath === 'string' && entry.filePath.startsWith('content/');
  const id = fromContent ? contentId(entry.id) : context.url.pathname.replace(/^\/+|\/+$/g, '') || 'index';
  const url = pageUrl(id);
  const description = data.description ?? '';

  if (fromContent) {
    const updated = lastCommitDate(entry.filePath);
    if (updated) route.lastUpdated = updated;

    const image = abs(ogImageUrl(id));
    route.head.push(
      { tag: 'meta', attrs: { property: 'og:image', content: image } },
      { tag: 'meta', attrs: { property: 'og:image:type', content: 'image/png' } },
      { tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
      { tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
      { tag: 'meta', attrs: { property: 'og:image:alt', content: data.title } },
      { tag: 'meta', attrs: { name: 'twitter:image', content: image } },
      { tag: 'meta', attrs: { name: 'twitter:title', content: data.title } },
      { tag: 'meta', attrs: { name: 'twitter:description', content: description } },
      { tag: 'link', attrs: { rel: 'alternate', type: 'text/markdown', href: markdownUrl(id), title: 'This page as Markdown' } },
    );
  }

  const crumbs = breadcrumbs(id, data.title);
  const graph: Record<string, unknown>[] = [
    {
      '@type': 'BreadcrumbList',
      itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: abs(c.url) })),
    },
  ];
  if (fromContent && ARTICLE_KINDS.has(data.kind ?? '')) {
    const keywords = [
      ...(Array.isArray(data.status) ? (data.status as number[]).map(String) : []),
      ...(typeof data.code === 'number' ? [String(data.code)] : []),
      ...(typeof data.layer === 'string' ? [LAYERS[data.layer as keyof typeof LAYERS] ?? data.layer] : []),
      'nginx',
      '502 Bad Gateway',
    ];
    graph.unshift({
      '@type': 'TechArticle',
      '@id': `${abs(url)}#article`,
      headline: data.title,
      description,
      url: abs(url),
      mainEntityOfPage: abs(url),
      image: abs(ogImageUrl(id)),
      inLanguage: 'en',
      keywords: keywords.join(', '),
      ...(route.lastUpdated ? { dateModified: route.lastUpdated.toISOString() } : {}),
      isPartOf: { '@type': 'WebSite', name: 'badgateway', url: abs('/') },
      publisher: { '@type': 'Organization', name: 'badgateway', url: abs('/') },
    });
  }
  route.head.push({ tag: 'script', attrs: { type: 'application/ld+json' }, content: ldJson({ '@context': 'https://schema.org', '@graph': graph }) });
});
