/**
 * The URLs every content page is published at, derived from its content id
 * ("causes/connection-refused", "index"). One place, so the HTML page, its
 * Markdown view, its Open Graph image, llms.txt and the service worker agree.
 */

/** "/causes/connection-refused/" (the HTML page; "/" for the home page). */
export function pageUrl(id: string): string {
  return id === 'index' || id === '' ? '/' : `/${id}/`;
}

/** Starlight's route data calls the home page "" where the collection calls it "index". */
export function contentId(id: string): string {
  return id === '' ? 'index' : id;
}

/** "/causes/connection-refused.md" ("/index.md" for the home page). */
export function markdownUrl(id: string): string {
  return `/${contentId(id)}.md`;
}

/** "/og/causes/connection-refused.png" — the 1200×630 link-preview image. */
export function ogImageUrl(id: string): string {
  return `/og/${contentId(id)}.png`;
}

/** The content id a page URL belongs to ("/causes/x/" → "causes/x", "/" → "index"). */
export function idFromPath(pathname: string): string {
  const p = pathname.replace(/^\/+|\/+$/g, '');
  return p === '' ? 'index' : p;
}

export const SECTION_LABELS: Record<string, string> = {
  causes: 'Causes',
  status: 'Status codes',
  stacks: 'Stacks',
  guides: 'Guides',
};

export const KIND_LABELS: Record<string, string> = {
  cause: 'Cause',
  status: 'Status code',
  stack: 'Stack',
  guide: 'Guide',
  page: 'Page',
};

export interface Crumb {
  name: string;
  /** Site-relative URL. */
  url: string;
}

/** Home › Causes › Title. The home page is a single crumb. */
export function breadcrumbs(id: string, title: string): Crumb[] {
  const crumbs: Crumb[] = [{ name: 'Home', url: '/' }];
  if (id === 'index' || id === '') return crumbs;
  const [section] = id.split('/');
  if (id.includes('/') && section && SECTION_LABELS[section]) {
    crumbs.push({ name: SECTION_LABELS[section], url: `/${section}/` });
  }
  crumbs.push({ name: title, url: pageUrl(id) });
  return crumbs;
}
