import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { causeFrontmatter, FOLDER_KIND, pageSchema } from '../../../src/content/schema.ts';
import { STACKS } from '../../../src/content/vocabulary.ts';
import { contentFiles } from '../../../src/lib/content-files.ts';

const files = contentFiles();
const ids = new Set(files.map((f) => f.id));
const anyPage = z.object({ title: z.string().min(3) }).and(pageSchema);

describe('every page under content/', () => {
  it.each(files.map((f) => [f.file, f] as const))('%s has valid frontmatter for its folder', (_name, f) => {
    const schema = f.folder === 'causes' ? causeFrontmatter : anyPage;
    const parsed = schema.safeParse(f.data);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems, f.file).toEqual([]);
    const expected = FOLDER_KIND[f.folder as keyof typeof FOLDER_KIND] ?? 'page';
    expect(f.data.kind, `${f.file} must declare kind: ${expected}`).toBe(expected);
  });

  it('links only to pages that exist in related', () => {
    const broken = files.flatMap((f) =>
      ((f.data.related as string[] | undefined) ?? [])
        .filter((slug) => !ids.has(`causes/${slug}`) && !ids.has(`guides/${slug}`) && !ids.has(`stacks/${slug}`))
        .map((slug) => `${f.file} → ${slug}`),
    );
    expect(broken).toEqual([]);
  });

  it('keeps every alias unique and distinct from live pages', () => {
    const aliases = files.flatMap((f) => (f.data.aliases as string[] | undefined) ?? []);
    expect(aliases.filter((a) => ids.has(a))).toEqual([]);
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('names status pages after their code and stack guides after their stack', () => {
    for (const f of files) {
      if (f.folder === 'status') expect(f.id, f.file).toBe(`status/${String(f.data.code).padStart(3, '0')}`);
      if (f.folder === 'stacks') expect(f.id, f.file).toBe(`stacks/${String(f.data.stack)}`);
    }
  });

  it('has a stack guide for every stack a cause names', () => {
    const named = new Set(files.filter((f) => f.folder === 'causes').flatMap((f) => f.data.stacks as string[]));
    const missing = [...named].filter((s) => s !== 'generic' && s in STACKS && !ids.has(`stacks/${s}`));
    expect(missing).toEqual([]);
  });
});
