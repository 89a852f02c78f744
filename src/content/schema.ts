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
import { parseEvent } from '../analyzer/events/parse.ts';
import { ACTIONS, LEVELS } from '../analyzer/events/grammar.ts';
import { ERRNO } from '../analyzer/events/errno.ts';
import { compileSpec, mismatch, type EventConditionSpec } from '../analyzer/conditions/spec.ts';
import { re2Problem } from '../analyzer/conditions/re2.ts';

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
    source: z.enum(keys(SOURCES)).refine((s) => s !== 'nginx-error', 'nginx error-log lines are declared as `conditions` (over the parsed event), not as regex signatures'),
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

const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
const re2Source = z.string().min(1).superRefine((src, ctx) => {
  const err = patternError(src) ?? re2Problem(src);
  if (err) ctx.addIssue({ code: 'custom', message: `is not a portable (RE2-compatible) regular expression: ${err}` });
});
const ERRNO_NAMES = new Set(ERRNO.map((r) => r.name));

/**
 * What an nginx error-log line must be, as fields of its parsed event
 * (src/analyzer/events/): template, syscall, symbolic errno, action… Platform
 * wordings are resolved by the engine's tables, so one condition holds for
 * glibc, musl, BSD/macOS and Windows builds alike.
 */
export const whenSchema = z
  .object({
    template: oneOrMany(z.string().min(3)).optional(),
    syscall: oneOrMany(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a system call name without "()", e.g. "connect"')).optional(),
    errno: oneOrMany(z.string().refine((e) => ERRNO_NAMES.has(e), `must be a symbolic errno the engine knows (${[...ERRNO_NAMES].join(', ')})`)).optional(),
    action: oneOrMany(z.enum(ACTIONS.map((a) => a.action) as [string, ...string[]])).optional(),
    noAction: z.literal(true).optional(),
    level: oneOrMany(z.enum(LEVELS)).optional(),
    transport: z.enum(['tcp', 'unix']).optional(),
    scheme: oneOrMany(z.enum(['http', 'https', 'fastcgi', 'uwsgi', 'suwsgi', 'scgi', 'grpc', 'grpcs', 'memcached'])).optional(),
    ssl: oneOrMany(z.string().min(3).regex(/^[a-z0-9 ]+$/, 'must be a normalised SSL reason (lower case, spaces), e.g. "wrong version number"')).optional(),
    alert: oneOrMany(z.number().int().min(0).max(255)).optional(),
    host: oneOrMany(z.string().min(1)).optional(),
    code: oneOrMany(z.number().int()).optional(),
    target: re2Source.optional(),
    upstream: re2Source.optional(),
    client: re2Source.optional(),
    message: re2Source.optional(),
  })
  .strict()
  .refine((w) => Object.keys(w).length > 0, 'needs at least one field');

/**
 * A condition: the nginx lines (as events) that reveal a cause, with real
 * lines that must parse to an event meeting it.
 */
export const conditionSchema = z
  .object({
    id: slug,
    when: whenSchema,
    /** The status the client gets when this line appears (defaults to the cause's first status). */
    status: httpStatus.optional(),
    /** Among equally specific conditions, higher wins. */
    priority: z.number().int().min(-100).max(100).default(0),
    confidence: z.enum(['high', 'medium', 'low']).default('high'),
    /** Known-harmless lines: why they are harmless. They are counted, named and linked, never a finding. */
    harmless: z.string().min(20).optional(),
    examples: z.array(z.string().min(1)).min(1, 'needs at least one real example line'),
    provenance: z.string().optional(),
  })
  .strict()
  .superRefine((cond, ctx) => {
    let compiled;
    try {
      compiled = compileSpec(cond.when as EventConditionSpec);
    } catch (e) {
      ctx.addIssue({ code: 'custom', path: ['when'], message: `does not compile: ${(e as Error).message}` });
      return;
    }
    cond.examples.forEach((ex, i) => {
      const ev = parseEvent(ex);
      if (!ev) {
        ctx.addIssue({ code: 'custom', path: ['examples', i], message: `is not read as an nginx error-log line: ${JSON.stringify(ex.slice(0, 160))}` });
        return;
      }
      const miss = mismatch(compiled, ev);
      if (miss) {
        ctx.addIssue({
          code: 'custom',
          path: ['examples', i, miss.field],
          message: `does not meet its own condition: when.${miss.field} is ${JSON.stringify((cond.when as Record<string, unknown>)[miss.field])}, the line has ${miss.got}: ${JSON.stringify(ex.slice(0, 160))}`,
        });
      }
    });
  });
export type Condition = z.infer<typeof conditionSchema>;

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
  /** nginx error-log lines, as conditions over the parsed event. */
  conditions: z.array(conditionSchema).default([]),
  /** Lines of sources without a grammar (app servers, kernel, process managers…), as regular expressions. */
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
