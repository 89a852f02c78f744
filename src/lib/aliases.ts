/**
 * Old slugs kept in frontmatter `aliases` become redirects, so a renamed
 * article never breaks a runbook link. Read at config time, from disk.
 */
import type { ContentFile } from './content-files.ts';

/** Maps "/old/path/" to "/new/path/" for every alias in content/. */
export function aliasRedirects(pages: ContentFile[]): Record<string, string> {
  const redirects: Record<string, string> = {};
  for (const page of pages) {
    for (const alias of (page.data.aliases as string[] | undefined) ?? []) redirects[`/${alias.replace(/^\/|\/$/g, '')}/`] = `/${page.id}/`;
  }
  return redirects;
}
