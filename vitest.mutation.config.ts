// Vitest config for `npm run mutation` (Stryker): only the tests that exercise the mutated folders
// (methodology, analysis, simulation) and TI's result files. tests/ti/conformanceScript.test.ts is left
// out: it runs the conformance script in a child process, where Stryker can neither switch mutants on
// nor see coverage, so it would only slow each mutant down.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** Files whose tests run long under Stryker's instrumentation (Monte Carlo runs, TI's whole tables). */
const SLOW = [/simulate\.test\.ts$/, /random\.test\.ts$/, /tests\/ti\//];

/**
 * Stryker stops a mutant's run at the first failing test, so the quick unit tests go first and the
 * slow files last: most mutants die before a Monte Carlo test starts.
 */
class QuickFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const slow = (f: TestSpecification): number => SLOW.findIndex((re) => re.test(f.moduleId));
    return Promise.resolve([...files].sort((a, b) => slow(a) - slow(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

export default defineConfig({
  test: {
    include: [
      'src/methodology/**/*.test.ts',
      'src/analysis/**/*.test.ts',
      'src/simulation/**/*.test.ts',
      'tests/ti/editions.test.ts',
      'tests/ti/historical.test.ts',
      'tests/ti/significance.test.ts',
    ],
    sequence: { sequencer: QuickFirst },
    testTimeout: 60_000,
  },
});
