import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 30_000,
    // One test file per core (the default leaves one core to the watcher: 65 s instead of 45 s here).
    maxWorkers: availableParallelism(),
  },
});
