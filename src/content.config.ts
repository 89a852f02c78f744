import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { pageSchema } from './content/schema.ts';

export const collections = {
  docs: defineCollection({
    // Articles live in content/ at the top level (the product card), not src/content/docs.
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema({ extend: pageSchema }),
  }),
};
