import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Builds dist/ when missing or stale, for the tests that run the built bin and bundles.
    globalSetup: ['tests/cli/buildDist.ts'],
    // `npm test` runs with --coverage: v8 line and branch coverage of src/ must stay at 95% or more.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: [
        'src/**/*.test.ts',
        'src/**/*.test-data.ts',
        // The bin's process entry (signal handling, exit code): tests/cli runs it as a child process,
        // whose coverage v8 does not collect here; everything it calls (runCli) is covered in-process.
        'src/cli/main.ts',
        // Runs only inside the simulation's worker threads, which v8 coverage does not follow; its work
        // (runChunk in kernel.ts) also runs, and is covered, on the calling thread.
        'src/simulation/worker.ts',
        // The same in a browser's Web Worker (tests/browser/simulation.test.ts runs it in Chromium).
        'src/simulation/browserWorker.ts',
      ],
      reporter: ['text-summary', 'json-summary', 'html'],
      reportOnFailure: true,
      thresholds: { lines: 95, branches: 95 },
    },
  },
});
