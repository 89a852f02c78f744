/**
 * Compiles validated cause frontmatter into the analyzer's catalog. The site
 * (from the content collection) and the CLI (from content/ on disk) both call
 * this, so they produce the same catalog from the same articles.
 */
import type { Catalog, CatalogCause, CatalogCondition, EventConditionSpec } from '../analyzer/types.ts';
import type { CauseFrontmatter } from '../content/schema.ts';

export const CATALOG_VERSION = 2;

export interface CauseEntry {
  /** Article slug, e.g. "connection-refused". */
  slug: string;
  data: CauseFrontmatter;
}

export function causeUrl(slug: string): string {
  return `/causes/${slug}/`;
}

export function buildCatalog(entries: CauseEntry[]): Catalog {
  const seen = new Map<string, string>();
  const causes: CatalogCause[] = [...entries]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map(({ slug, data }) => {
      for (const sig of [...data.conditions, ...data.signatures]) {
        const other = seen.get(sig.id);
        if (other) throw new Error(`condition/signature id "${sig.id}" is used by both causes/${other} and causes/${slug}`);
        seen.set(sig.id, slug);
      }
      return {
        id: slug,
        title: data.title,
        description: data.description,
        url: causeUrl(slug),
        status: data.status,
        layer: data.layer,
        stacks: data.stacks,
        severity: data.severity,
        fix: data.fix,
        related: data.related,
        conditions: data.conditions.map((c) => {
          const out: CatalogCondition = {
            id: c.id,
            cause: slug,
            when: c.when as EventConditionSpec,
            status: c.status ?? data.status[0]!,
            priority: c.priority,
            confidence: c.confidence,
          };
          if (c.harmless !== undefined) out.harmless = c.harmless;
          return out;
        }),
        signatures: data.signatures.map((s) => ({
          id: s.id,
          cause: slug,
          source: s.source,
          pattern: s.pattern,
          status: s.status ?? data.status[0]!,
          priority: s.priority,
          confidence: s.confidence,
        })),
      };
    });
  return { version: CATALOG_VERSION, causes };
}
