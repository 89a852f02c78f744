import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../../src/lib/content-files.ts';

// A fast syntax check for writers: a stray `{` or `<` in prose breaks MDX.
describe('MDX syntax', () => {
  it.each(contentFiles().map((f) => [f.file, f] as const))('%s compiles', async (_n, f) => {
    await expect(compile(f.body)).resolves.toBeDefined();
  });
});
