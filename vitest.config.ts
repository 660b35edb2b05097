import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Request and restart logs go to stderr at info level; tests that care about logs set their own.
    env: { CARTOGRAPH_LOG_LEVEL: 'warn' },
  },
});
