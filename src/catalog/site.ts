/**
 * The public catalog API (/api/catalog.json): the analyzer's catalog (version +
 * causes with their event conditions and regex signatures, unchanged — the worker reads it) plus the status and stack pages, so
 * alert rules and scripts can map a log line or a status code to its article.
 * The shape is documented in docs/catalog-api.md and checked by
 * test/e2e/catalog.spec.ts against `siteCatalogSchema`.
 */
import { z } from 'zod';
import type { Catalog } from '../analyzer/types.ts';
import { catalogLineRules, type LineRule } from '../analyzer/export/line-rules.ts';

export interface CatalogStatusPage {
  code: number;
  phrase: string;
  title: string;
  description: string;
  /** Site-relative URL, e.g. "/status/502/". */
  url: string;
  standard: boolean;
  rfc?: string;
  sentToClient: boolean;
  /** Cause slugs (ids in `causes`) worth reading for this status. */
  related: string[];
}

export interface CatalogStack {
  /** A STACKS value, e.g. "php-fpm". */
  id: string;
  title: string;
  description: string;
  url: string;
}

export interface SiteCatalog extends Catalog {
  /** ISO-8601 time the site was built. */
  generated: string;
  /** Public origin, e.g. "https://badgateway.dev"; prefix every `url` with it. */
  site: string;
  status: CatalogStatusPage[];
  stacks: CatalogStack[];
  /**
   * One regular expression per condition and signature, RE2 / Go / Python
   * syntax ((?P<name>…)), first match wins: for scripts and log pipelines
   * that look a line up without the engine.
   */
  lineRules: LineRule[];
}

export interface StatusInput {
  code: number;
  phrase: string;
  title: string;
  description: string;
  standard: boolean;
  rfc?: string | undefined;
  sentToClient: boolean;
  related: string[];
  /** Content id, e.g. "status/502". */
  id: string;
}

export interface StackInput {
  stack: string;
  title: string;
  description: string;
  id: string;
}

export function buildSiteCatalog(
  catalog: Catalog,
  statuses: StatusInput[],
  stacks: StackInput[],
  opts: { site: string; generated: Date },
): SiteCatalog {
  return {
    version: catalog.version,
    generated: opts.generated.toISOString(),
    site: opts.site.replace(/\/+$/, ''),
    causes: catalog.causes,
    status: [...statuses]
      .sort((a, b) => a.code - b.code)
      .map((s) => ({
        code: s.code,
        phrase: s.phrase,
        title: s.title,
        description: s.description,
        url: `/${s.id}/`,
        standard: s.standard,
        ...(s.rfc ? { rfc: s.rfc } : {}),
        sentToClient: s.sentToClient,
        related: s.related,
      })),
    stacks: [...stacks]
      .sort((a, b) => a.stack.localeCompare(b.stack))
      .map((s) => ({ id: s.stack, title: s.title, description: s.description, url: `/${s.id}/` })),
    lineRules: catalogLineRules(catalog),
  };
}

/* ---------- the published schema (tests and docs/catalog-api.md) ---------- */

const url = z.string().regex(/^\/[a-z0-9/-]*\/$/, 'a site-relative URL ending in "/"');
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const siteCatalogSchema = z
  .object({
    version: z.number().int().positive(),
    generated: z.iso.datetime(),
    site: z.url(),
    causes: z.array(
      z
        .object({
          id: slug,
          title: z.string().min(3),
          description: z.string().min(20),
          url,
          status: z.array(z.number().int()).min(1),
          layer: z.string(),
          stacks: z.array(z.string()).min(1),
          severity: z.enum(['critical', 'high', 'medium', 'low']),
          fix: z.string(),
          related: z.array(slug),
          conditions: z.array(
            z
              .object({
                id: slug,
                cause: slug,
                when: z
                  .object({
                    template: z.array(z.string()).optional(),
                    syscall: z.array(z.string()).optional(),
                    errno: z.array(z.string()).optional(),
                    action: z.array(z.string()).optional(),
                    noAction: z.literal(true).optional(),
                    level: z.array(z.string()).optional(),
                    transport: z.enum(['tcp', 'unix']).optional(),
                    scheme: z.array(z.string()).optional(),
                    ssl: z.array(z.string()).optional(),
                    alert: z.array(z.number().int()).optional(),
                    host: z.array(z.string()).optional(),
                    code: z.array(z.number().int()).optional(),
                    target: z.string().optional(),
                    upstream: z.string().optional(),
                    client: z.string().optional(),
                    message: z.string().optional(),
                  })
                  .strict(),
                status: z.number().int(),
                priority: z.number().int(),
                confidence: z.enum(['high', 'medium', 'low']),
                harmless: z.string().optional(),
              })
              .strict(),
          ),
          signatures: z.array(
            z
              .object({
                id: slug,
                cause: slug,
                source: z.string(),
                pattern: z.string().refine((p) => {
                  try {
                    new RegExp(p);
                    return true;
                  } catch {
                    return false;
                  }
                }, 'must compile as a JavaScript RegExp'),
                status: z.number().int(),
                priority: z.number().int(),
                confidence: z.enum(['high', 'medium', 'low']),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
    status: z.array(
      z
        .object({
          code: z.number().int().min(0).max(999),
          phrase: z.string(),
          title: z.string(),
          description: z.string(),
          url,
          standard: z.boolean(),
          rfc: z.string().optional(),
          sentToClient: z.boolean(),
          related: z.array(slug),
        })
        .strict(),
    ),
    stacks: z.array(z.object({ id: slug, title: z.string(), description: z.string(), url }).strict()),
    lineRules: z.array(z.object({ id: slug, cause: slug, status: z.number().int(), regex: z.string().min(1) }).strict()),
  })
  .strict();
