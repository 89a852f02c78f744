import { defineConfig } from 'vitest/config';

/** The diagnostic collector against a real nginx (Debian's /usr/sbin/nginx). */
export default defineConfig({
  test: {
    include: ['test/collector/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
