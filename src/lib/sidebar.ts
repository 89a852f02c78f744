/**
 * The Causes sidebar, grouped by where the fault lives (the `layer` of each
 * article) and sorted by title, read from the articles at config time so a
 * new article appears in the right group by itself.
 */
import { LAYERS, type Layer } from '../content/vocabulary.ts';
import type { ContentFile } from './content-files.ts';

interface SidebarLink {
  slug: string;
  label: string;
}
interface SidebarGroup {
  label: string;
  collapsed: boolean;
  items: SidebarLink[];
}

export function causesByLayer(pages: ContentFile[]): SidebarGroup[] {
  const causes = pages.filter((f) => f.folder === 'causes');
  return (Object.keys(LAYERS) as Layer[])
    .map((layer) => ({
      label: LAYERS[layer],
      collapsed: true,
      items: causes
        .filter((c) => c.data.layer === layer)
        .map((c) => ({ slug: c.id, label: String(c.data.sidebarLabel ?? c.data.title) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    }))
    .filter((g) => g.items.length > 0);
}
