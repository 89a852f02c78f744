import { defineConfig } from 'vitest/config';

/** Tests of the built artefacts (run after `npm run build`): the single-file CLI and the fleet exports. */
export default defineConfig({
  test: {
    include: ['test/bundle/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
