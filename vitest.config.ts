import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // scheme cases and API tests start real work; keep a generous per-test budget but no timing assertions
    testTimeout: 60_000,
    pool: 'forks',
  },
});
