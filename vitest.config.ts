import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Builds dist/ when missing or stale, for the tests that run the built bin and bundles.
    globalSetup: ['tests/cli/buildDist.ts'],
  },
});
