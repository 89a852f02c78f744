/**
 * The content contract: the frontmatter of every page under content/.
 *
 * Everything else trusts this file. Astro validates each page with it at build
 * time (a bad page fails the build, naming file and field), and the CLI loads
 * the same schema to compile the analyzer's catalog straight from content/,
 * so the site and the analyzer cannot disagree.
 *
 * Plain `zod`, not `astro:content`, so Node can import it outside Astro.
 */
import { z } from 'zod';
import { LAYERS, SEVERITIES, SOURCES, STACKS } from './vocabulary.ts';

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "connection-refused"');
const httpStatus = z.number().int().min(0).max(999);

/** Compiles a signature pattern; returns the error text or null. */
export function patternError(pattern: string): string | null {
  try {
    new RegExp(pattern);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A log signature: a regular expression (JavaScript syntax, named groups for
 * the facts it extracts) that reveals a cause, with real lines it must match.
 */
export const signatureSchema = z
  .object({
    id: slug,
    source: z.enum(keys(SOURCES)),
    pattern: z.string().min(8, 'is too short to be specific'),
    /** The status the client gets when this line appears (defaults to the cause's first status). */
    status: httpStatus.optional(),
    /** Higher is tried first when two signatures could claim the same line. */
    priority: z.number().int().min(-100).max(100).default(0),
    /** How sure this line alone makes the diagnosis. */
    confidence: z.enum(['high', 'medium', 'low']).default('high'),
    examples: z.array(z.string().min(1)).min(1, 'needs at least one real example line'),
    /** Where an example came from, e.g. "lab s01" or "nginx source". */
    provenance: z.string().optional(),
  })
  .strict()
  .superRefine((sig, ctx) => {
    const err = patternError(sig.pattern);
    if (err) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `does not compile: ${err}` });
      return;
    }
    const re = new RegExp(sig.pattern);
    sig.examples.forEach((ex, i) => {
      if (!re.test(ex)) {
        ctx.addIssue({
          code: 'custom',
          path: ['examples', i],
          message: `does not match its own pattern /${sig.pattern}/: ${JSON.stringify(ex.slice(0, 160))}`,
        });
      }
    });
  });
export type Signature = z.infer<typeof signatureSchema>;

const common = {
  /** One sentence: used for search results, link previews and the catalog. */
  description: z.string().min(20, 'needs one full sentence').max(300, 'must stay one sentence (300 characters at most)'),
  /** Old slugs that must keep working; the build turns them into redirects. */
  aliases: z.array(z.string().regex(/^[a-z0-9/-]+$/, 'must be a path like "causes/old-name"')).default([]),
};

export const causeFields = z.object({
  kind: z.literal('cause'),
  /** Statuses this cause produces, most typical first. */
  status: z.array(httpStatus).min(1),
  layer: z.enum(keys(LAYERS)),
  stacks: z.array(z.enum(keys(STACKS))).min(1),
  severity: z.enum(SEVERITIES).default('high'),
  /** One-paragraph fix shown by the analyzer; {fact} placeholders are filled from the evidence. */
  fix: z.string().min(20),
  signatures: z.array(signatureSchema).default([]),
  related: z.array(slug).default([]),
  ...common,
});

export const statusFields = z.object({
  kind: z.literal('status'),
  code: httpStatus,
  /** Reason phrase, e.g. "Bad Gateway". */
  phrase: z.string().min(2),
  /** Whether the code is defined by a standard (509, 444, 499 … are not). */
  standard: z.boolean(),
  /** e.g. "RFC 9110 §15.6.3" */
  rfc: z.string().optional(),
  /** Whether a client ever receives it (444 and 499 are log-only). */
  sentToClient: z.boolean(),
  related: z.array(slug).default([]),
  ...common,
});

export const stackFields = z.object({
  kind: z.literal('stack'),
  stack: z.enum(keys(STACKS)),
  related: z.array(slug).default([]),
  ...common,
});

export const guideFields = z.object({
  kind: z.literal('guide'),
  related: z.array(slug).default([]),
  ...common,
});

/** Home, analyzer and other one-off pages. */
export const pageFields = z.object({ kind: z.literal('page'), ...common });

/** The union Starlight's docs schema is extended with. */
export const pageSchema = z.discriminatedUnion('kind', [causeFields, statusFields, stackFields, guideFields, pageFields]);

/** Cause frontmatter as the CLI reads it (Starlight adds title/description on the site). */
export const causeFrontmatter = causeFields.extend({
  title: z.string().min(3),
  description: z.string().min(20).max(300),
});
export type CauseFrontmatter = z.infer<typeof causeFrontmatter>;

/** Which kind each content folder must hold. */
export const FOLDER_KIND = { causes: 'cause', status: 'status', stacks: 'stack', guides: 'guide' } as const;
