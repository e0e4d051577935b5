// Stryker mutation testing over methodology, analysis and simulation: `npm run mutation`.
// The score is printed at the end (clear-text reporter); the run fails below 85%.
import { resolve } from 'node:path';

// Stryker runs the tests in a copy of the project under .stryker-tmp/, where `../shared` (TI's files,
// the seed) is not beside it: point the tests at the real one, unless CPI_GAP_SHARED is set already.
process.env['CPI_GAP_SHARED'] ??= resolve('..', 'shared');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the tests that exercise the mutated folders (see vitest.mutation.config.ts).
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/methodology/**/*.ts',
    'src/analysis/**/*.ts',
    'src/simulation/**/*.ts',
    '!src/**/*.test.ts',
    // The worker thread's entry runs only inside worker threads, where Stryker can neither switch a
    // mutant on nor record coverage: its mutants could only survive. Its logic (runChunk) is in
    // kernel.ts, which is mutated and which the calling thread runs too.
    '!src/simulation/worker.ts',
  ],
  // The sandbox gets only what these tests load (a whitelist: other layers, docs, build output and
  // scratch folders stay out, so files that other work adds or removes meanwhile cannot break the copy).
  ignorePatterns: [
    '/*',
    '!/src',
    '!/tests',
    '!/data',
    '!/package.json',
    '!/tsconfig.json',
    '!/vitest.mutation.config.ts',
    '/src/*',
    '!/src/methodology',
    '!/src/analysis',
    '!/src/simulation',
    '!/src/dataset',
    '!/src/ti',
    '!/src/i18n',
    '!/src/util',
    '!/src/errors.ts',
    '/tests/*',
    '!/tests/ti',
    '!/tests/helpers',
    '!/tests/arbitraries',
    '/tests/ti/conformanceScript.test.ts',
  ],
  // Every run starts from scratch; `npm run mutation -- --incremental` reuses reports/stryker-incremental.json.
  incremental: false,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
